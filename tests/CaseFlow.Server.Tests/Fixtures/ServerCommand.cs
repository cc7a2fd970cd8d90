using System.Diagnostics;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// Runs an operator's command of the server's dll (<c>verify-audit</c>, <c>rotate-data-key</c>) as a process, configured
/// like a test server on the data directory (same directory and database) plus the extra settings.
/// </summary>
public static class ServerCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, string command, CancellationToken cancellationToken, params (string Key, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ServerProcess.ServerAssembly())!,
        };
        start.ArgumentList.Add(ServerProcess.ServerAssembly());
        start.ArgumentList.Add(command);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["CaseFlow__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in TestDatabases.SettingsFor(dataDirectory).Select(s => (s.Key, s.Value)).Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
