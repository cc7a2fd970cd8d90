using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The real server as a separate OS process (<c>dotnet CaseFlow.Server.dll</c>) on a loopback port, so a test can
/// kill it with SIGKILL mid-flight and start it again on the same data directory.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    /// <param name="dataDirectory">This node's data directory (logs, pickup mail, and the SQLite file or the key of its PostgreSQL database).</param>
    /// <param name="settings">Extra environment variables (<c>CaseFlow__...</c>).</param>
    /// <param name="databaseOf">
    /// Another node's data directory whose database this node shares: a second node of a cluster (PostgreSQL only).
    /// </param>
    public ServerProcess(string dataDirectory, IDictionary<string, string>? settings = null, string? databaseOf = null)
    {
        DataDirectory = dataDirectory;
        Port = FreePort();
        environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["CaseFlow__DataDirectory"] = dataDirectory,
            ["CaseFlow__Outbox__PollIntervalSeconds"] = "0.2",
            ["CaseFlow__Outbox__RetryBaseDelaySeconds"] = "0.5",
            ["CaseFlow__Outbox__RetryMaxDelaySeconds"] = "2",
        };
        foreach (var (key, value) in TestDatabases.SettingsFor(databaseOf ?? dataDirectory))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The nodes of one database share its personal-data key, as a real cluster's configuration gives them (each
        // would otherwise generate a development key of its own, and the database refuses every key but its first).
        environment["CaseFlow__Security__DataKey"] = SharedDataKey(databaseOf ?? dataDirectory);

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>The data key of the cluster whose database belongs to <paramref name="databaseDirectory"/>: fixed per database, random across them.</summary>
    public static string SharedDataKey(string databaseDirectory) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("caseflow-test-data-key:" + databaseDirectory)));

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What the server wrote to its console so far (NLog's readable lines), e.g. to count a log event per node.</summary>
    public IReadOnlyCollection<string> Output => output;

    public Task StartAsync(CancellationToken cancellationToken) => StartAsync(TimeSpan.FromSeconds(90), cancellationToken);

    /// <summary>Starts the server and waits until it is healthy, for at most <paramref name="limit"/>.</summary>
    public async Task StartAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ServerAssembly())!,
        };
        start.ArgumentList.Add(ServerAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken); // drains the redirected output
                throw new InvalidOperationException(
                    $"The server exited during start-up with code {process.ExitCode}. Its last lines:\n{string.Join('\n', output.TakeLast(30))}");
            }

            try
            {
                if ((await probe.GetAsync("/health", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // probe timed out while the server was busy starting
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The server did not become healthy within {limit.TotalSeconds:0} seconds.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash or <c>kill -9</c> does.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public async Task<HttpClient> ClientForAsync(string userName, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "caseflow-demo" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadObjectAsync())["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The server built next to these tests: <c>CaseFlow.Server/bin/&lt;configuration&gt;/net10.0/CaseFlow.Server.dll</c>.</summary>
    /// <summary>The built CaseFlow.Server.dll, to start as a process.</summary>
    internal static string ServerAssembly()
    {
        var testDirectory = AppContext.BaseDirectory;
        var local = Path.Combine(testDirectory, "CaseFlow.Server.dll");
        var configuration = new DirectoryInfo(testDirectory).Parent!.Name; // bin/<configuration>/net10.0
        var root = new DirectoryInfo(testDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CaseFlow.sln")))
        {
            root = root.Parent;
        }

        var built = root is null ? null : Path.Combine(root.FullName, "CaseFlow.Server", "bin", configuration, "net10.0", "CaseFlow.Server.dll");
        return built is not null && File.Exists(built) ? built : local;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
