using System.Diagnostics;
using System.Globalization;
using CaseFlow.LoadDriver.Database;
using CaseFlow.LoadDriver.Seeding;
using CaseFlow.Server.Persistence.Entities;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CaseFlow.LoadDriver;

/// <summary>
/// The outbox goal of issue 23: ≥ 500 emails a second to a loopback SMTP server. The server is started once
/// (migrations), stopped, <c>--emails</c> pending outbox rows are written straight into its database, and it is started
/// again with its SMTP host set to a loopback sink (<see cref="LoopbackSmtpSink"/>); the driver counts sent rows every
/// 250 ms. The baseline sends the same messages to the same sink with MailKit over as many connections as the server
/// uses per batch, with no database: the ceiling of the mail side on this machine.
/// </summary>
internal static class OutboxRun
{
    private const int BaselineConnections = 4; // SmtpMailTransport.ConnectionsPerBatch

    public static async Task<int> RunAsync(DriverOptions options, string serverDll)
    {
        var n = options.Emails;
        var dataDirectory = ServerUnderTest.CreateDataDirectory();
        var database = DriverDatabase.For(options, dataDirectory);
        await using var sink = await LoopbackSmtpSink.StartAsync();
        try
        {
            Console.WriteLine($"starting {serverDll}; loopback SMTP sink (aiosmtpd) on port {sink.Port}");
            await using (await ServerUnderTest.StartAsync(serverDll, options.ServerSettings, dataDirectory))
            {
                Console.WriteLine("server started once (migrations); stopping it to seed the outbox");
            }

            var now = TimeProvider.System.GetUtcNow();
            await DirectSeeder.SeedAsync(database, "outbox emails", n, (db, i) =>
            {
                db.OutboxMessages.Add(Row(i, now));
                return 1;
            });

            var settings = new Dictionary<string, string>(options.ServerSettings)
            {
                ["CaseFlow__Smtp__Host"] = "127.0.0.1",
                ["CaseFlow__Smtp__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
                ["CaseFlow__Smtp__Security"] = "None",
            };
            var (elapsed, steady) = await MeasureAsync(options, serverDll, settings, dataDirectory, database);
            var baseline = options.Baseline ? await RawSendAsync(sink.Port, n, now) : (TimeSpan?)null;

            Console.WriteLine();
            Console.WriteLine($"scenario outbox: {n:N0} pending emails, {(options.OnPostgres ? "PostgreSQL" : "SQLite")}, {Environment.ProcessorCount} cores; goal: ≥ 500 emails/s");
            Console.WriteLine();
            Console.WriteLine("| run | all sent in | emails/s overall | emails/s steady (first to last sent poll) |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CaseFlow outbox dispatcher | {elapsed.TotalSeconds:N1} s | {n / elapsed.TotalSeconds:N0} | {steady:N0} |"));
            if (baseline is { } raw)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: MailKit, {BaselineConnections} connections, no database | {raw.TotalSeconds:N1} s | {n / raw.TotalSeconds:N0} | – |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static StoredOutboxMessage Row(int i, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        IdempotencyKey = $"load-outbox-{i}",
        To = $"投诉人{i} <complainant{i}@example.cn>",
        Subject = $"投诉已受理 TS2026-{i:D6}",
        Body = $"您于{now:yyyy年M月d日}提交的投诉（编号 TS2026-{i:D6}）已受理，承办机构将在法定期限内处理。",
        CreatedAt = now,
        NextAttemptAt = now,
        State = OutboxState.Pending,
        MessageId = $"load-{i}-{Guid.NewGuid():N}@caseflow",
    };

    /// <summary>Starts the server and polls the sent count every 250 ms until all are sent (or 10 minutes pass).</summary>
    private static async Task<(TimeSpan Elapsed, double Steady)> MeasureAsync(
        DriverOptions options, string serverDll, IReadOnlyDictionary<string, string> settings, string dataDirectory, DriverDatabase database)
    {
        var n = options.Emails;
        var started = Stopwatch.StartNew();
        await using var server = await ServerUnderTest.StartAsync(serverDll, settings, dataDirectory);
        Console.WriteLine($"server on {server.BaseUrl} after {started.Elapsed.TotalSeconds:N1} s; counting sent emails");
        var poll = database.ReadOnly();
        (TimeSpan At, long Sent)? first = null;
        (TimeSpan At, long Sent) last = (TimeSpan.Zero, 0);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync() && started.Elapsed < TimeSpan.FromMinutes(10))
        {
            var (sent, failed) = await poll.TwoCountsAsync(
                """SELECT (SELECT COUNT(*) FROM "OutboxMessages" WHERE "State" = 'Sent'), (SELECT COUNT(*) FROM "OutboxMessages" WHERE "State" = 'Failed')""");
            last = (started.Elapsed, sent);
            first ??= sent > 0 ? last : null;
            if (last.At.TotalSeconds % 5 < 0.25)
            {
                Console.WriteLine($"  +{last.At.TotalSeconds:N0} s: sent {sent:N0}/{n:N0}, failed {failed:N0}, server RSS {server.CurrentRssBytes / (1024 * 1024):N0} MB");
            }

            if (sent + failed >= n)
            {
                break;
            }
        }

        var steady = first is { } f && last.At > f.At ? (last.Sent - f.Sent) / (last.At - f.At).TotalSeconds : double.NaN;
        return (last.At, steady);
    }

    /// <summary>The same messages straight to the sink, over <see cref="BaselineConnections"/> connections side by side.</summary>
    private static async Task<TimeSpan> RawSendAsync(int port, int n, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, BaselineConnections).Select(async lane =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            for (var i = lane; i < n; i += BaselineConnections)
            {
                var row = Row(i, now);
                var message = new MimeMessage { MessageId = row.MessageId, Date = row.CreatedAt, Subject = row.Subject };
                message.From.Add(MailboxAddress.Parse("CaseFlow <caseflow@localhost>"));
                message.To.AddRange(InternetAddressList.Parse(row.To));
                message.Body = new TextPart("plain") { Text = row.Body };
                await client.SendAsync(message);
            }

            await client.DisconnectAsync(quit: true);
        }));
        return clock.Elapsed;
    }
}
