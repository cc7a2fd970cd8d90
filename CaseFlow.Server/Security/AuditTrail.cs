using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Security;

/// <summary>
/// Appends to the hash-chained audit trail. <see cref="Add"/> puts an entry into a save the caller is about to make
/// (same transaction as the change); <see cref="RecordNowAsync"/> writes one on its own, for events without a change
/// (sign-ins, refusals, unmasked reads).
/// </summary>
/// <remarks>
/// The entry commits with the change, unlinked; <see cref="AuditSequencer"/> gives it its chain position and hash after
/// the commit (docs/security.md, "the linking window").
/// </remarks>
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Longest details kept; an audit line names what happened, it does not copy the case.</summary>
    public const int MaxDetails = 1000;

    public static void Add(CaseFlowDbContext db, DateTimeOffset at, string actor, string action, Guid? caseId, string? subject, string? details)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = new StoredAuditEntry
        {
            At = at,
            Actor = actor,
            Action = action,
            CaseId = caseId,
            Subject = subject,
            Details = details is { Length: > MaxDetails } ? details[..MaxDetails] : details,
        };
        db.AuditEntries.Add(entry);
    }

    /// <summary>Writes one entry in a database context of its own, so nothing pending in the caller's context is saved with it.</summary>
    public async Task RecordNowAsync(string actor, string action, Guid? caseId, string? details, CancellationToken cancellationToken, string? subject = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        Add(db, clock.GetUtcNow(), actor, action, caseId, subject, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
