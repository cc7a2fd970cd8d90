using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Files with real signatures and the multipart upload of one.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string marker = "") => Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {marker}\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A ZIP with the parts of a Word document (or, without them, a plain ZIP).</summary>
    public static byte[] Zip(bool asDocx)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in asDocx ? new[] { "[Content_Types].xml", "word/document.xml" } : ["notes.txt"])
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, string caseId, byte[] bytes, string fileName, string? contentType, string kind = "evidence", string? title = null, string? transferItem = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        if (transferItem is not null)
        {
            form.Add(new StringContent(transferItem), "transferItem");
        }

        return await client.PostAsync($"/api/cases/{caseId}/documents", form);
    }

    public static async Task<JsonArray> ListAsync(this HttpClient client, string caseId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync($"/api/cases/{caseId}/documents");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
