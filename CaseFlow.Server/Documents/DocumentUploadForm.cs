using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CaseFlow.Server.Documents;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload section by section: the file streams straight into a temporary file (never
/// buffered whole), the text fields are read with a small cap.
/// </summary>
public sealed class DocumentUploadForm
{
    /// <summary>A text field longer than this is refused (titles are at most 200 characters).</summary>
    public const int MaxFieldChars = 2000;

    public UploadedFile? File { get; private set; }

    /// <summary>The file name the client sent (unsafe; see <see cref="SafeFileName"/>).</summary>
    public string? ClientFileName { get; private set; }

    public string? DeclaredContentType { get; private set; }

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the request; check <see cref="Errors"/> and <see cref="UploadedFile.TooLarge"/> afterwards.</summary>
    public static async Task<DocumentUploadForm> ReadAsync(HttpRequest request, DocumentStorage storage, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        var form = new DocumentUploadForm();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            form.Errors["file"] = ["Send multipart/form-data with the file in the field 'file'."];
            return form;
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (name != "file" || form.File is not null)
                {
                    form.Errors["file"] = ["Upload exactly one file, in the field 'file'."];
                    continue;
                }

                form.ClientFileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                form.DeclaredContentType = section.ContentType;
                form.File = await storage.ReceiveAsync(section.Body, maxBytes, cancellationToken);
                if (form.File.TooLarge)
                {
                    return form; // stop reading: the rest of the body is not wanted
                }
            }
            else if (disposition.IsFormDisposition())
            {
                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldChars + 1];
                var length = await text.ReadBlockAsync(buffer, cancellationToken);
                if (length > MaxFieldChars)
                {
                    form.Errors[name] = [$"{name} is longer than {MaxFieldChars} characters."];
                    continue;
                }

                form.Fields[name] = new string(buffer, 0, length);
            }
        }

        return form;
    }
}
