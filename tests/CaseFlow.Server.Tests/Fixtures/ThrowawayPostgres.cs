using System.Diagnostics;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The throwaway PostgreSQL cluster build/test.sh started, controlled with its own <c>pg_ctl</c>: a fault test restarts it
/// mid-load. build/test.sh exports <c>CASEFLOW_TEST_PG_DATA</c> (data directory), <c>CASEFLOW_TEST_PG_BIN</c> (its
/// binaries) and <c>CASEFLOW_TEST_PG_USER</c> (the user it runs as when the tests run as root; empty otherwise).
/// </summary>
public static class ThrowawayPostgres
{
    /// <summary>Restarts the cluster with <c>pg_ctl restart -m fast</c>: every connection is cut, transactions in flight roll back.</summary>
    public static async Task RestartAsync(CancellationToken cancellationToken)
    {
        var data = Required("CASEFLOW_TEST_PG_DATA");
        var bin = Required("CASEFLOW_TEST_PG_BIN");
        var user = Environment.GetEnvironmentVariable("CASEFLOW_TEST_PG_USER");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(user) ? Path.Combine(bin, "pg_ctl") : "runuser")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(user))
        {
            foreach (var argument in new[] { "-u", user, "--", Path.Combine(bin, "pg_ctl") })
            {
                start.ArgumentList.Add(argument);
            }
        }

        // restart keeps the options the cluster was started with (postmaster.opts); -l keeps logging to the same file.
        foreach (var argument in new[] { "-D", data, "-l", Path.Combine(Path.GetDirectoryName(data)!, "server.log"), "-m", "fast", "-w", "-t", "60", "restart" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run pg_ctl.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: restarting PostgreSQL needs the throwaway cluster of build/test.sh (source build/test.sh; start_postgresql).");
}
