using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// Keeps each <see cref="CaseGrant"/>'s copy of its case's <c>ReceivedAt</c> and <c>OfficeId</c> equal to the case's,
/// inside the save that changes either side (the case list reads its page and total from the copies, issue 23): grants
/// this save adds take the values of their case (tracked, else read by id), and when this save changes a case's office or
/// time of receipt, the case's stored grants are loaded and changed with it. Runs after <see cref="CaseGrantIndex"/>.
/// </summary>
internal static class CaseGrantCaseValues
{
    public static void Synchronise(DbContext db)
    {
        var plan = Plan.Of(db);
        if (plan.IsEmpty)
        {
            return;
        }

        var read = plan.Untracked.Count == 0 ? [] : ReadCaseValues(db, plan.Untracked).ToList();
        var stored = plan.Moved.Count == 0 ? [] : StoredGrants(db, plan.Moved).ToList();
        plan.Apply(db, read, stored);
    }

    public static async Task SynchroniseAsync(DbContext db, CancellationToken cancellationToken)
    {
        var plan = Plan.Of(db);
        if (plan.IsEmpty)
        {
            return;
        }

        var read = plan.Untracked.Count == 0 ? [] : await ReadCaseValues(db, plan.Untracked).ToListAsync(cancellationToken);
        var stored = plan.Moved.Count == 0 ? [] : await StoredGrants(db, plan.Moved).ToListAsync(cancellationToken);
        plan.Apply(db, read, stored);
    }

    private static IQueryable<CaseValues> ReadCaseValues(DbContext db, List<Guid> ids) =>
        db.Set<StoredCase>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new CaseValues(c.Id, c.ReceivedAt, c.OfficeId));

    // Tracked on purpose: the grants are changed in this save. A grant this save deletes comes back as its tracked entry
    // and stays deleted; one this save adds is not stored yet and was given the case's new values as an added grant.
    private static IQueryable<CaseGrant> StoredGrants(DbContext db, List<Guid> caseIds) =>
        db.Set<CaseGrant>().Where(g => caseIds.Contains(g.CaseId));

    private sealed record CaseValues(Guid Id, DateTimeOffset ReceivedAt, string? OfficeId);

    private sealed record Plan(List<EntityEntry<CaseGrant>> Added, Dictionary<Guid, CaseValues> Tracked, List<Guid> Untracked, List<Guid> Moved)
    {
        public bool IsEmpty => Added.Count == 0 && Moved.Count == 0;

        public static Plan Of(DbContext db)
        {
            var added = db.ChangeTracker.Entries<CaseGrant>().Where(e => e.State == EntityState.Added).ToList();
            var cases = db.ChangeTracker.Entries<StoredCase>().Where(e => e.State is not EntityState.Deleted and not EntityState.Detached).ToList();
            var moved = cases
                .Where(e => e.State == EntityState.Modified && (Changed(e, nameof(StoredCase.OfficeId)) || Changed(e, nameof(StoredCase.ReceivedAt))))
                .Select(e => e.Entity.Id)
                .ToList();
            if (added.Count == 0 && moved.Count == 0)
            {
                return new Plan(added, [], [], moved); // most saves: nothing to copy, so no map of every tracked case
            }

            var tracked = cases.ToDictionary(e => e.Entity.Id, e => new CaseValues(e.Entity.Id, e.Entity.ReceivedAt, e.Entity.OfficeId));
            var untracked = added.Select(e => e.Entity.CaseId).Where(id => !tracked.ContainsKey(id)).Distinct().ToList();
            return new Plan(added, tracked, untracked, moved);
        }

        public void Apply(DbContext db, List<CaseValues> read, List<CaseGrant> stored)
        {
            var values = new Dictionary<Guid, CaseValues>(Tracked);
            foreach (var c in read)
            {
                values[c.Id] = c;
            }

            foreach (var grant in Added)
            {
                // A grant of a case that does not exist (none is written) keeps its defaults: no case, nothing to list.
                if (values.TryGetValue(grant.Entity.CaseId, out var c))
                {
                    Copy(grant, c);
                }
            }

            foreach (var grant in stored)
            {
                var entry = db.Entry(grant);
                if ((entry.State is EntityState.Unchanged or EntityState.Modified) && values.TryGetValue(grant.CaseId, out var c))
                {
                    Copy(entry, c);
                }
            }
        }

        // Through the entry, so the change is seen while automatic change detection is off for the save.
        private static void Copy(EntityEntry<CaseGrant> grant, CaseValues c)
        {
            grant.Property(g => g.ReceivedAt).CurrentValue = c.ReceivedAt;
            grant.Property(g => g.OfficeId).CurrentValue = c.OfficeId;
        }

        private static bool Changed(EntityEntry<StoredCase> entry, string property)
        {
            var p = entry.Property(property);
            return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
        }
    }
}
