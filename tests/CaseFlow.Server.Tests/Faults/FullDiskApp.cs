using System.Diagnostics;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// The server whose document store (<c>&lt;data&gt;/documents</c>) is a real, tiny file system: a 256 KB tmpfs mounted
/// there, so a test can fill it and see the server meet ENOSPC exactly as on a full disk. Mounting needs root (CI runs
/// as root); without it the fixture fails with a message saying so rather than letting the test skip.
/// </summary>
public sealed class FullDiskApp : CaseFlowApp
{
    public const int CapacityBytes = 256 * 1024;

    public FullDiskApp()
    {
        Directory.CreateDirectory(DocumentsDirectory);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={CapacityBytes},mode=0755", "caseflow-full-disk", DocumentsDirectory);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"Could not mount a {CapacityBytes / 1024} KB tmpfs on {DocumentsDirectory} (exit {code}: {output.Trim()}). " +
                "The full-disk test needs root (or CAP_SYS_ADMIN) to give the document store a real small file system; run the tests as root, as CI does.");
        }
    }

    public string DocumentsDirectory => Path.Combine(DataDirectory, "documents");

    /// <summary>Fills the file system with a file of its own until the disk is full; returns its path (delete it to free the space).</summary>
    public string Fill()
    {
        var path = Path.Combine(DocumentsDirectory, "filler");
        var chunk = new byte[4096];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                file.Write(chunk);
            }
        }
        catch (IOException)
        {
            return path; // ENOSPC: full
        }
    }

    /// <summary>The files under the document store other than the filler (relative paths), to show nothing half-written stayed.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.EnumerateFiles(DocumentsDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DocumentsDirectory, f))
            .Where(f => f != "filler")
            .Order(StringComparer.Ordinal)
            .ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync(); // stops the server, deletes the data directory's files (the mount point stays busy until unmounted)
        Run("umount", "-l", DocumentsDirectory);
        TestDatabases.Delete(DataDirectory);
    }

    private static (int Code, string Output) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message); // no such command
        }
    }
}
