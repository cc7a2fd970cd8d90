using CaseFlow.Workflows.Bpmn;
using Microsoft.Net.Http.Headers;

namespace CaseFlow.Server.Api;

/// <summary>Checks the media type of a BPMN upload and decodes its bytes as XML does (see <see cref="BpmnBytes"/>).</summary>
internal static class BpmnUpload
{
    /// <summary>What the API says to send when the media type is wrong.</summary>
    public const string WhatToSend = "Send the BPMN file's bytes as the request body with Content-Type application/xml (text/xml and application/octet-stream are accepted too), e.g. curl -X PUT --data-binary @process.bpmn -H 'Content-Type: application/xml'.";

    private static readonly string[] Accepted = ["application/xml", "text/xml", "application/octet-stream", "application/bpmn+xml"];

    /// <summary>The media types the draft endpoint takes (also announced in the OpenAPI document).</summary>
    public static IReadOnlyList<string> AcceptedTypes => Accepted;

    /// <summary>True when the request has no Content-Type or one CaseFlow reads as a BPMN file; <paramref name="charset"/> is its charset parameter.</summary>
    public static bool TryMediaType(HttpRequest request, out string? charset)
    {
        charset = null;
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return false;
        }

        charset = mediaType.Charset.HasValue ? mediaType.Charset.Value : null;
        var type = mediaType.MediaType.Value ?? "";
        return Accepted.Contains(type, StringComparer.OrdinalIgnoreCase) || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }

    public static IResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        $"The body was sent as '{contentType}', which is not a BPMN file. {WhatToSend} 请求体的类型“{contentType}”不是 BPMN 文件：请以 Content-Type application/xml（也接受 text/xml、application/octet-stream）发送 .bpmn 文件的原始字节。",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type");

    public static IResult Empty() => ApiProblems.Field("definitions",
        "The request body is empty, so nothing was stored and the saved draft is unchanged. " + WhatToSend + " 请求体为空，未保存任何内容，原草稿保持不变。");

    public static IResult Undecodable(ValidationError error) => ApiProblems.Field("definitions",
        $"{error.Message} Nothing was stored. {error.MessageZh} 未保存任何内容。");
}
