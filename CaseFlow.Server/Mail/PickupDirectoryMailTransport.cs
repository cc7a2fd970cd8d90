using CaseFlow.Server.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFlow.Server.Mail;

/// <summary>Writes each message as <c>&lt;Message-Id&gt;.eml</c> into the pickup directory, for the embedded default and demos.</summary>
/// <remarks>
/// The file is written under a temporary name and then renamed, so a reader or a crash never sees half a
/// message. A file that already exists means an earlier attempt got as far as the rename: it is delivered.
/// </remarks>
internal sealed class PickupDirectoryMailTransport(IOptions<CaseFlowOptions> options) : IMailTransport
{
    /// <summary>The directory mail is written to.</summary>
    public string Directory { get; } = ResolveDirectory(options.Value);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.MessageId))
        {
            throw new ArgumentException("A pickup message needs a Message-Id to name its file.", nameof(message));
        }

        System.IO.Directory.CreateDirectory(Directory);
        var target = Path.Combine(Directory, FileNameFor(message.MessageId));
        if (File.Exists(target))
        {
            return;
        }

        var temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another attempt renamed its copy first; that copy is complete, so this one is redundant.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The Message-Id with anything a file system would refuse replaced, so every id maps to one stable name.</summary>
    internal static string FileNameFor(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string(messageId.Select(c => invalid.Contains(c) || c is '<' or '>' or ':' or '*' or '?' or '"' or '\\' or '|' ? '_' : c).ToArray());
        return name + ".eml";
    }

    internal static string ResolveDirectory(CaseFlowOptions options) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(options.Smtp.PickupDirectory)
            ? Path.Combine(options.DataDirectoryFullPath, "outbox")
            : options.Smtp.PickupDirectory);
}
