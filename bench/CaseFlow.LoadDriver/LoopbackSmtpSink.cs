using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CaseFlow.LoadDriver;

/// <summary>
/// A loopback SMTP server that accepts and discards every message: <c>python3 -m aiosmtpd</c> with its <c>Sink</c>
/// handler (the tests' SMTP server, without their mailbox), so the outbox run measures CaseFlow and not a mail store.
/// <c>CASEFLOW_TEST_PYTHON</c> names the python that has aiosmtpd (build/test.sh sets it).
/// </summary>
internal sealed class LoopbackSmtpSink : IAsyncDisposable
{
    private readonly Process process;

    private LoopbackSmtpSink(Process process, int port) => (this.process, Port) = (process, port);

    public int Port { get; }

    public static async Task<LoopbackSmtpSink> StartAsync()
    {
        var port = FreePort();
        var python = Environment.GetEnvironmentVariable("CASEFLOW_TEST_PYTHON") is { Length: > 0 } p ? p : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink", "-l", $"127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python} -m aiosmtpd");
        var sink = new LoopbackSmtpSink(process, port);
        for (var waited = 0; waited < 100; waited++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        await sink.DisposeAsync();
        throw new InvalidOperationException($"aiosmtpd did not listen on {port}: {await process.StandardError.ReadToEndAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
