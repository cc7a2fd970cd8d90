using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Processes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The real server in-process on a fresh SQLite file of its own (a temp data directory), with demo users and the
/// built-in processes, mail to a pickup folder unless an SMTP host is given. One per test class.
/// </summary>
public class CaseFlowApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string> tokens = [];

    public CaseFlowApp()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string PickupDirectory => Path.Combine(DataDirectory, "outbox");

    /// <summary>Extra settings a derived fixture adds (e.g. SMTP host and port).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("CaseFlow:DataDirectory", DataDirectory);
        builder.UseSetting("CaseFlow:Outbox:PollIntervalSeconds", "0.2");
        builder.UseSetting("CaseFlow:Outbox:RetryBaseDelaySeconds", "0.2");
        builder.UseSetting("CaseFlow:Outbox:RetryMaxDelaySeconds", "1");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async ValueTask InitializeAsync()
    {
        _ = Server; // start the host now so start-up failures surface in the fixture, not in the first test
        await PublishReportWithEnforcementAsync();
    }

    /// <summary>
    /// The built-in report process calls <c>enforcement</c>, which another part of the library ships. Where it is not
    /// published, a stand-in is, and then the report process, so every fixture has both (a no-op once the real one ships).
    /// </summary>
    private async Task PublishReportWithEnforcementAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<ProcessPublisher>();
        if (!await db.ProcessVersions.AnyAsync(p => p.ProcessKey == "enforcement"))
        {
            await publisher.PublishAsync("enforcement", TestProcesses.EnforcementStandIn(), "test-fixture", CancellationToken.None);
        }

        if (!await db.ProcessVersions.AnyAsync(p => p.ProcessKey == "report"))
        {
            var report = BuiltInProcesses.All().Single(p => p.Key == "report");
            var outcome = await publisher.PublishAsync("report", report.Xml, "system", CancellationToken.None);
            if (outcome is not PublishOutcome.Published)
            {
                throw new InvalidOperationException("The built-in report process did not publish: " + outcome);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on slow machines; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A client signed in as <paramref name="userName"/> (demo password).</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        if (!tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = "caseflow-demo" });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenBody>();
            token = body!.AccessToken;
            tokens[userName] = token;
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string AccessToken);
}
