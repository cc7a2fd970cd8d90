using System.Collections.Concurrent;
using System.Globalization;
using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver;

/// <summary>
/// <c>intake --kill-at S</c>: intakes at the offered rate while the server is killed (SIGKILL) S seconds into the measured
/// run and started again on the same database; the intakes go on against the new process. Afterwards every intake the
/// server acknowledged (201 with the case's id) must be in the database, and the audit chain must verify with every entry
/// linked (issue 23: "the audit chain verifies after a load run with a node killed in the middle").
/// </summary>
/// <remarks>
/// Requests in flight at the kill, and those sent while the server restarts, fail (counted as errors): their cases may
/// or may not have been committed, which is what a caller without an answer must assume, and why intake takes an
/// <c>Idempotency-Key</c>. Only acknowledged cases are owed.
/// </remarks>
internal static class KillRun
{
    public static async Task<int> RunAsync(DriverOptions options, string serverDll, int killAtSeconds)
    {
        var dataDirectory = ServerUnderTest.CreateDataDirectory();
        var database = DriverDatabase.For(options, dataDirectory);
        var acknowledged = new ConcurrentBag<Guid>();
        try
        {
            var server = await ServerUnderTest.StartAsync(serverDll, options.ServerSettings, dataDirectory);
            var client = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");
            Console.WriteLine($"server on {server.BaseUrl} ({database.Describe}); intake, killed {killAtSeconds} s into the measured run");
            async Task Intake(int index) => acknowledged.Add(await Volatile.Read(ref client).CreateComplaintAsync(index));

            await OpenLoop.RunAsync(options.EffectiveWarmupRate, TimeSpan.FromSeconds(options.WarmupSeconds), options.Concurrency, Intake);
            var offset = options.EffectiveWarmupRate * options.WarmupSeconds;
            var restart = KillAndRestartAsync();
            var (recorder, elapsed) = await OpenLoop.RunAsync(options.Rate, TimeSpan.FromSeconds(options.DurationSeconds), options.Concurrency, i => Intake(offset + i), Console.WriteLine);
            await restart;
            var figures = recorder.Summarise("CaseFlow API, killed and restarted", elapsed, null);

            using var admin = await CaseFlowClient.SignInAsync(server.BaseUrl, "admin");
            var chain = await admin.VerifiedAuditChainAsync(TimeSpan.FromSeconds(60));
            await server.DisposeAsync();
            client.Dispose();

            var stored = await database.CaseIdsAsync();
            var missing = acknowledged.Count(id => !stored.Contains(id));
            Report.Print(options, [figures]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"acknowledged intakes: {acknowledged.Count:N0}; in the database: {acknowledged.Count - missing:N0}; missing: {missing:N0}; cases in the database: {stored.Count:N0} (unanswered intakes may have committed)"));
            Console.WriteLine($"audit chain after the kill and the run: {chain.ToJsonString()}");
            return missing == 0 && CaseFlowClient.ChainHolds(chain) ? 0 : 1;

            async Task KillAndRestartAsync()
            {
                await Task.Delay(TimeSpan.FromSeconds(killAtSeconds));
                await server.KillAsync();
                Console.WriteLine($"  killed the server (SIGKILL) at {killAtSeconds} s; starting it again on the same database");
                await server.DisposeAsync();
                server = await ServerUnderTest.StartAsync(serverDll, options.ServerSettings, dataDirectory);
                var previous = Interlocked.Exchange(ref client, await CaseFlowClient.SignInAsync(server.BaseUrl, "intake"));
                Console.WriteLine($"  server back on {server.BaseUrl}");
                previous.Dispose();
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
