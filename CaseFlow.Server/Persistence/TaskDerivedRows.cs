using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// What <see cref="TaskQueueIndex"/> and <see cref="CaseGrantIndex"/> share: both keep rows derived from the tasks in
/// step inside the save that changes the tasks, from the same list of changed tasks, and drop a derived row the same way.
/// </summary>
internal static class TaskDerivedRows
{
    /// <summary>The tasks this save adds, changes or deletes (read once per save for both indexes).</summary>
    public static List<EntityEntry<StoredTask>> ChangedTasks(DbContext db) =>
        db.ChangeTracker.Entries<StoredTask>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

    /// <summary>Drops a derived row: one this save added is forgotten, a stored one is deleted (attached first when not tracked).</summary>
    public static void Remove<TRow>(DbContext db, EntityEntry<TRow>? tracked, TRow row)
        where TRow : class
    {
        if (tracked is not null)
        {
            tracked.State = tracked.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
        }
        else
        {
            db.Remove(row);
        }
    }
}
