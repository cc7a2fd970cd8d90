using System.Security.Cryptography;
using CaseFlow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Documents;

/// <summary>
/// The document files under <c>&lt;data&gt;/documents</c>. Files arrive in a temporary file on the same volume (hashed and
/// type-checked while streaming) and are renamed into <c>&lt;caseId&gt;/&lt;documentId&gt;</c>, so a reader never sees
/// half a file and no path contains anything a client chose.
/// </summary>
public sealed class DocumentStorage(IOptions<CaseFlowOptions> options)
{
    private const int ChunkSize = 81920;

    public string Root { get; } = Path.Combine(options.Value.DataDirectoryFullPath, "documents");

    private string IncomingDirectory => Path.Combine(Root, ".incoming");

    /// <summary>Where the document's bytes are kept; built from ids only.</summary>
    public string PathOf(Guid caseId, Guid documentId) => Path.Combine(Root, caseId.ToString("D"), documentId.ToString("D"));

    /// <summary>Streams <paramref name="body"/> into a temporary file, stopping (and deleting it) once it exceeds <paramref name="maxBytes"/>.</summary>
    public async Task<UploadedFile> ReceiveAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var tempPath = NewTempPath();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new Utf8TextCheck();
        var head = new byte[ContentSniffer.HeadLength];
        var headLength = 0;
        long size = 0;
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[ChunkSize];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }

                    var chunk = buffer.AsMemory(0, read);
                    hash.AppendData(chunk.Span);
                    text.Feed(chunk.Span);
                    var take = Math.Min(head.Length - headLength, read);
                    chunk.Span[..take].CopyTo(head.AsSpan(headLength));
                    headLength += take;
                    await file.WriteAsync(chunk, cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            if (size > maxBytes)
            {
                DeleteQuietly(tempPath);
                return new UploadedFile(tempPath, size, "", null, TooLarge: true);
            }

            var detected = ContentSniffer.Detect(head.AsSpan(0, headLength), text.Finish(), tempPath);
            return new UploadedFile(tempPath, size, Convert.ToHexStringLower(hash.GetHashAndReset()), detected, TooLarge: false);
        }
        catch
        {
            DeleteQuietly(tempPath);
            throw;
        }
    }

    /// <summary>Renames a received temporary file to the document's place (atomic on one volume); returns the final path.</summary>
    public string Commit(string tempPath, Guid caseId, Guid documentId)
    {
        var path = PathOf(caseId, documentId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(tempPath, path, overwrite: false);
        return path;
    }

    /// <summary>Writes bytes made by the server (a manifest) through a temporary file and renames it into place; returns the final path.</summary>
    public async Task<string> WriteAsync(Guid caseId, Guid documentId, byte[] content, CancellationToken cancellationToken)
    {
        var tempPath = NewTempPath();
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            return Commit(tempPath, caseId, documentId);
        }
        finally
        {
            DeleteQuietly(tempPath);
        }
    }

    /// <summary>The SHA-256 of a stored document, or null when its file is missing.</summary>
    public async Task<string?> HashAsync(Guid caseId, Guid documentId, CancellationToken cancellationToken)
    {
        var path = PathOf(caseId, documentId);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    /// <summary>Deletes a file if it is there; failures are left for the operator (an orphan file harms nothing).</summary>
    public static void DeleteQuietly(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // left behind; it is not referenced by any row
        }
        catch (UnauthorizedAccessException)
        {
            // same
        }
    }

    private string NewTempPath()
    {
        Directory.CreateDirectory(IncomingDirectory);
        return Path.Combine(IncomingDirectory, Guid.NewGuid().ToString("N") + ".part");
    }
}
