using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver;

/// <summary>
/// CaseFlow.Server started as its own process on a fresh data directory and a free loopback port, in the Staging
/// environment (production logging levels, demo users seeded); the resident set size is sampled every 250 ms while it runs.
/// </summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process process;
    private readonly CancellationTokenSource sampling = new();
    private readonly Task sampler;
    private long peakRss;

    private readonly bool ownsDataDirectory;

    private ServerUnderTest(Process process, string dataDirectory, Uri baseUrl, bool ownsDataDirectory)
    {
        this.process = process;
        this.ownsDataDirectory = ownsDataDirectory;
        DataDirectory = dataDirectory;
        BaseUrl = baseUrl;
        sampler = SampleRssAsync(sampling.Token);
    }

    public string DataDirectory { get; }

    public Uri BaseUrl { get; }

    public long PeakRssBytes => Interlocked.Read(ref peakRss);

    public long CurrentRssBytes => ReadRss(process.Id) ?? 0;

    /// <summary>
    /// Starts the server on <paramref name="dataDirectory"/> (kept afterwards: a restart on the same database, the
    /// caller removes it), or on a fresh one removed when the server is disposed.
    /// </summary>
    public static async Task<ServerUnderTest> StartAsync(string serverDll, IReadOnlyDictionary<string, string> settings, string? dataDirectory = null)
    {
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException($"{serverDll} does not exist: build it first (dotnet build -c Release CaseFlow.Server)", serverDll);
        }

        var owns = dataDirectory is null;
        dataDirectory ??= CreateDataDirectory();
        if (settings.TryGetValue("CaseFlow__Database__Provider", out var provider) && provider == "Postgres"
            && settings.TryGetValue("ConnectionStrings__CaseFlow", out var connection))
        {
            await new DriverDatabase(true, Expand(connection, dataDirectory)).CreateIfMissingAsync();
        }

        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet", [serverDll, "--urls", baseUrl.ToString().TrimEnd('/')])
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["CaseFlow__DataDirectory"] = dataDirectory;

        // Two lines per request at Information would measure the console and the log file, not CaseFlow.
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = Expand(value, dataDirectory);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  server: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerUnderTest(process, dataDirectory, baseUrl, owns);
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(2));
        return server;
    }

    /// <summary>A fresh data directory for one run.</summary>
    public static string CreateDataDirectory() => Directory.CreateTempSubdirectory("caseflow-load-").FullName;

    /// <summary>A setting with <c>{data}</c> (the run's data directory) and <c>{run}</c> (a name unique to the run) filled in.</summary>
    public static string Expand(string value, string dataDirectory) =>
        value.Replace("{data}", dataDirectory, StringComparison.Ordinal)
            .Replace("{run}", Path.GetFileName(dataDirectory).Replace('-', '_').ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>Stops the server (SIGTERM, then waits), so its database file can be read by the baseline.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Kills the server outright (SIGKILL), as a crash or an operator's kill -9 would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await sampling.CancelAsync();
        await sampler;
        await StopAsync();
        process.Dispose();
        sampling.Dispose();
        if (ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>VmRSS from /proc, in bytes; null when the process is gone.</summary>
    private static long? ReadRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} while starting");
            }

            try
            {
                if ((await http.GetAsync("health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the server did not answer /health within {timeout.TotalSeconds} s");
    }

    private async Task SampleRssAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (ReadRss(process.Id) is { } rss && rss > Interlocked.Read(ref peakRss))
                {
                    Interlocked.Exchange(ref peakRss, rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
