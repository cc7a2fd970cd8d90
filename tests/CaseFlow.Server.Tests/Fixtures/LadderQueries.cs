using CaseFlow.Server.Escalations;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>What deadline ladders left in a running server's database, read directly for exact counts.</summary>
public static class LadderQueries
{
    /// <summary>Runs one sweep in a scope of its own, as the Quartz job does.</summary>
    public static async Task<int> SweepAsync(this CaseFlowApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationSweeper>().SweepAsync(CancellationToken.None);
    }

    /// <summary>The fired ladder steps of <paramref name="caseId"/>, oldest first.</summary>
    public static async Task<List<StoredEscalation>> EscalationsAsync(this CaseFlowApp app, string caseId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var id = Guid.Parse(caseId);
        return await db.Escalations.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.FiredAt).ThenBy(e => e.Level).ToListAsync();
    }

    /// <summary>The ladder's emails for <paramref name="caseId"/> whose subject starts with <paramref name="prefix"/>.</summary>
    public static async Task<List<StoredOutboxMessage>> EmailsAsync(this CaseFlowApp app, string caseId, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var id = Guid.Parse(caseId);
        var all = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == id && m.IdempotencyKey.StartsWith("ladder:")).ToListAsync();
        return all.Where(m => m.Subject.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }
}
