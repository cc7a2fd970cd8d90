using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// A real SMTP server on loopback for integration tests: <c>python3 -m aiosmtpd</c> with its Maildir handler,
/// so mail goes through a real SMTP dialogue and lands as files the test can read back.
/// </summary>
/// <remarks>
/// <para>Use it per test (<c>await using var smtp = await SmtpServer.StartNewAsync(ct);</c>) or as a class fixture
/// (it implements <see cref="IAsyncLifetime"/>). <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down
/// and bring it back on the same port, for outage and retry tests; received messages survive a restart.</para>
/// <para>The Python interpreter is found by <see cref="AiosmtpdPython"/>.</para>
/// </remarks>
public sealed partial class SmtpServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly string[] DeliveredFolders = ["new", "cur"];

    private readonly string _root;
    private readonly string _maildir;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private int _port;

    /// <summary>Creates a stopped server with a fresh, empty mail directory; call <see cref="StartAsync"/>.</summary>
    public SmtpServer()
    {
        _root = Path.Combine(Path.GetTempPath(), "caseflow-smtp-" + Guid.NewGuid().ToString("N"));
        _maildir = Path.Combine(_root, "maildir");

        // aiosmtpd's Maildir only creates tmp/new/cur when the directory is missing; creating them here lets a
        // restarted server reuse the directory.
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, sub));
        }
    }

    /// <summary>The address to connect to.</summary>
    public string Host { get; } = IPAddress.Loopback.ToString();

    /// <summary>The port; chosen on the first start and kept across restarts. Zero before the first start.</summary>
    public int Port => _port;

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Messages received so far, oldest first, parsed with MimeKit.</summary>
    /// <remarks>aiosmtpd adds <c>X-MailFrom</c> and <c>X-RcptTo</c> headers with the SMTP envelope.</remarks>
    public IReadOnlyList<MimeMessage> Messages =>
        MessageFiles().Select(file => MimeMessage.Load(file)).ToList();

    /// <summary>Creates and starts a server.</summary>
    public static async Task<SmtpServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var server = new SmtpServer();
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (on a free port the first time, on the same port after a stop) and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        // A free port found by binding port 0 can be taken by someone else before aiosmtpd binds it; try a
        // few fresh ports on the first start. A restart must keep its port, so it gets one attempt.
        var attempts = _port == 0 ? 3 : 1;
        for (var attempt = 1; ; attempt++)
        {
            if (_port == 0 || attempt > 1)
            {
                _port = FindFreePort();
            }

            try
            {
                await LaunchAsync(cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < attempts)
            {
                // try another port
            }
        }
    }

    /// <summary>Kills the server process (and any children) and waits for it to exit. Messages are kept.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, then returns all of them.</summary>
    /// <exception cref="TimeoutException">Fewer messages arrived in time; the message says how many did.</exception>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var received = MessageFiles().Count;
            if (received >= count)
            {
                return Messages;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Expected {count} message(s) within {timeout.TotalSeconds:0.#} s on {Host}:{Port}, got {received}.{Diagnostics()}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Deletes every received message.</summary>
    public void ClearMessages()
    {
        foreach (var file in MessageFiles())
        {
            File.Delete(file);
        }
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => await StartAsync();

    /// <summary>Stops the server and deletes its mail directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test run over it is not.
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(AiosmtpdPython.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-u", "-l", $"{Host}:{_port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir })
        {
            startInfo.ArgumentList.Add(argument);
        }

        lock (_output)
        {
            _output.Clear();
        }

        var process = new Process { StartInfo = startInfo };

        // Drain both pipes so a chatty server never blocks on a full pipe; keep the text for failure messages.
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                _process = null;
                process.Dispose();
                throw new InvalidOperationException($"aiosmtpd exited at start on {Host}:{_port}.{Diagnostics()}");
            }

            if (await AcceptsConnectionAsync(cancellationToken))
            {
                return;
            }

            if (stopwatch.Elapsed > StartTimeout)
            {
                await StopAsync();
                throw new TimeoutException($"aiosmtpd did not listen on {Host}:{_port} within {StartTimeout.TotalSeconds} s.{Diagnostics()}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<bool> AcceptsConnectionAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, _port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Diagnostics()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "" : $" aiosmtpd output:{Environment.NewLine}{_output}";
        }
    }

    // Maildir names start with "<seconds>.M<microseconds>P<pid>"; the counter after Q restarts with each
    // process, so order by the timestamp, not by the name as a string.
    private List<string> MessageFiles() =>
        DeliveredFolders
            .SelectMany(sub => Directory.EnumerateFiles(Path.Combine(_maildir, sub)))
            .OrderBy(SortKey)
            .ThenBy(file => file, StringComparer.Ordinal)
            .ToList();

    private static (long Seconds, long Micros) SortKey(string file)
    {
        var match = MaildirName().Match(Path.GetFileName(file));
        return match.Success
            ? (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : (long.MaxValue, 0);
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^(\d+)\.M(\d+)P")]
    private static partial Regex MaildirName();
}
