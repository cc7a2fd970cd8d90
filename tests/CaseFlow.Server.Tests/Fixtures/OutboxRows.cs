using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>The outbox rows a case queued, read straight from the server's database (what was written, not what was sent).</summary>
public static class OutboxRows
{
    public static async Task<List<StoredOutboxMessage>> EmailsOfCaseAsync(this CaseFlowApp app, string caseId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var id = Guid.Parse(caseId);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt).ToListAsync();
    }
}
