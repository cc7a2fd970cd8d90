using CaseFlow.Server.Mail;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CaseFlow.Server.Tests.Mail;

/// <summary>The real mail registration on a real SQLite file, driven pass by pass on a fake clock.</summary>
/// <remarks>The host is built but not started, so the background dispatcher does not run behind the test's back.</remarks>
internal sealed class OutboxHost : IDisposable
{
    private readonly TestDatabase _database;
    private readonly IHost _host;

    private OutboxHost(TestDatabase database, IHost host, FakeTimeProvider clock)
    {
        _database = database;
        _host = host;
        Clock = clock;
    }

    public static DateTimeOffset Start { get; } = new(2026, 4, 30, 1, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public string DataDirectory => _database.DataDirectory;

    /// <summary>Builds a host; <paramref name="smtpHost"/> null means the pickup directory.</summary>
    public static async Task<OutboxHost> CreateAsync(string? smtpHost, int smtpPort, int maxAttempts, CancellationToken cancellationToken)
    {
        var database = new TestDatabase();
        var builder = database.CreateBuilder(new Dictionary<string, string?>
        {
            ["CaseFlow:Smtp:Host"] = smtpHost ?? string.Empty,
            ["CaseFlow:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CaseFlow:Smtp:From"] = "市场监管局 <noreply@caseflow.test>",
            ["CaseFlow:Smtp:TimeoutSeconds"] = "10",
            ["CaseFlow:Outbox:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CaseFlow:Outbox:RetryBaseDelaySeconds"] = "10",
            ["CaseFlow:Outbox:RetryMaxDelaySeconds"] = "25",
            ["CaseFlow:Outbox:LockSeconds"] = "60",
        });
        var clock = new FakeTimeProvider(Start);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddCaseFlowMail();
        var host = builder.Build();
        await TestDatabase.CreateSchemaAsync(host.Services, cancellationToken);
        return new OutboxHost(database, host, clock);
    }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>A second dispatcher, as another node would run, with its own node id.</summary>
    public OutboxDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services);

    public async Task<StoredOutboxMessage> AddMessageAsync(string subject, string body, CancellationToken cancellationToken, string to = "投诉人 <complainant@example.cn>")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var message = new StoredOutboxMessage
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = Clock.GetUtcNow(),
            NextAttemptAt = Clock.GetUtcNow(),
            State = OutboxState.Pending,
            MessageId = $"{Guid.NewGuid():N}@caseflow",
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    public async Task<StoredOutboxMessage> ReloadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
