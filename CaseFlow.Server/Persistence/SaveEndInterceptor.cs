using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// A save interceptor told once how each save ended, saved or not, whichever of EF Core's hooks reports it.
/// </summary>
/// <remarks>
/// EF Core reports a lost concurrency race through <c>ThrowingConcurrencyException</c> and not through
/// <c>SaveChangesFailed</c>, and a cancelled save through a third hook; an interceptor that holds something for the
/// length of a save (the SQLite write gate, rows taken out of the change tracker) must hear all of them, sync and async.
/// </remarks>
internal abstract class SaveEndInterceptor : SaveChangesInterceptor
{
    /// <summary>The save on <paramref name="db"/> ended: <paramref name="saved"/> when it committed.</summary>
    protected abstract void SaveEnded(DbContext? db, bool saved);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SaveEnded(eventData?.Context, saved: true);
        return base.SavedChanges(eventData!, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData?.Context, saved: true);
        return base.SavedChangesAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        SaveEnded(eventData?.Context, saved: false);
        base.SaveChangesFailed(eventData!);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData?.Context, saved: false);
        return base.SaveChangesFailedAsync(eventData!, cancellationToken);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        SaveEnded(eventData?.Context, saved: false);
        return base.ThrowingConcurrencyException(eventData!, result);
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData?.Context, saved: false);
        return base.ThrowingConcurrencyExceptionAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        SaveEnded(eventData?.Context, saved: false);
        base.SaveChangesCanceled(eventData!);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData?.Context, saved: false);
        return base.SaveChangesCanceledAsync(eventData!, cancellationToken);
    }
}
