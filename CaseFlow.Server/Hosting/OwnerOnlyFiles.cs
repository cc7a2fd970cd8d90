using System.Runtime.InteropServices;

namespace CaseFlow.Server.Hosting;

/// <summary>
/// Files the server creates (logs, the SQLite database and its journal, documents, keys, the mail pickup folder)
/// are readable by the service account only: the process umask is 077, and the data directory and the folders in it
/// are made 0700 at start-up (existing installations too), their top-level files 0600.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode Directory0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Secures the configured data directory; call right after the app is built, before anything is stored.</summary>
    public static WebApplication UseCaseFlowOwnerOnlyFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Apply(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CaseFlowOptions>>().Value.DataDirectoryFullPath);
        return app;
    }

    /// <summary>Sets the umask and secures <paramref name="dataDirectory"/> (created if missing). No-op on Windows (ACLs apply there).</summary>
    public static void Apply(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
            return;
        }

        _ = umask(0x3F); // 077: group and others get nothing on anything created from now on
        Directory.CreateDirectory(dataDirectory, Directory0700);
        Tighten(dataDirectory, Directory0700);
        foreach (var entry in Directory.EnumerateFileSystemEntries(dataDirectory))
        {
            Tighten(entry, Directory.Exists(entry) ? Directory0700 : File0600);
        }

        foreach (var folder in new[] { "logs", "security" })
        {
            var path = Path.Combine(dataDirectory, folder);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path))
                {
                    Tighten(file, File0600);
                }
            }
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode mode)
    {
        try
        {
            if ((File.GetUnixFileMode(path) & ~mode) != 0)
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) & mode);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not ours to change (e.g. a mounted folder); the umask still covers what we create.
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks for the whole project; one blittable call does not justify it
    private static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054
}
