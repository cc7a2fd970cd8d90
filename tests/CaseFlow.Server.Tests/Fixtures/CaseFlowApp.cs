using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The real server in-process on a fresh database of its own (a SQLite file in a temp data directory, or a PostgreSQL database: see TestDatabases), with demo users and the
/// built-in processes, mail to a pickup folder unless an SMTP host is given. One per test class.
/// </summary>
public class CaseFlowApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string> tokens = [];

    public CaseFlowApp()
        : this(Path.Combine(Path.GetTempPath(), "caseflow-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>A server on <paramref name="dataDirectory"/>, which may hold the database of an earlier run (a restart).</summary>
    protected CaseFlowApp(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string PickupDirectory => Path.Combine(DataDirectory, "outbox");

    /// <summary>False for a run whose data directory a later run (a restart) reuses; that test deletes it.</summary>
    protected bool DeletesDataOnDispose { get; init; } = true;

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
        foreach (var (key, value) in TestDatabases.SettingsFor(DataDirectory).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    public ValueTask InitializeAsync()
    {
        _ = Server; // start the host now so start-up failures surface in the fixture, not in the first test
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!DeletesDataOnDispose)
        {
            return;
        }

        TestDatabases.Delete(DataDirectory);
    }

    /// <summary>Forgets the tokens handed out so far, so the next clients sign in again (after moving a test clock past their lifetime).</summary>
    public void ForgetTokens() => tokens.Clear();

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
