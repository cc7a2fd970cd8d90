using System.Collections.Concurrent;
using CaseFlow.Server.Scheduling;

namespace CaseFlow.Server.Tests.Scheduling;

/// <summary>Stands in for the command runner: counts firings per bookmark, fails on request, consumes a bookmark once.</summary>
internal sealed class RecordingTimerFiring : ITimerFiring
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();
    private readonly ConcurrentDictionary<Guid, bool> _consumed = new();
    private int _failuresLeft;

    /// <summary>How many of the next calls throw, as a transient database error would.</summary>
    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    /// <summary>Runs inside a firing, as the command runner's after-commit work would.</summary>
    public Func<Guid, CancellationToken, Task>? OnFire { get; set; }

    public int CallsFor(Guid bookmarkId) => _calls.TryGetValue(bookmarkId, out var n) ? n : 0;

    public bool WasConsumed(Guid bookmarkId) => _consumed.ContainsKey(bookmarkId);

    public async Task<bool> FireAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(bookmarkId, 1, (_, n) => n + 1);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("database is locked");
        }

        var fired = _consumed.TryAdd(bookmarkId, true);
        if (OnFire is { } onFire)
        {
            await onFire(bookmarkId, cancellationToken);
        }

        return fired;
    }

    /// <summary>Waits until the bookmark has been called at least <paramref name="count"/> times.</summary>
    public async Task WaitForCallsAsync(Guid bookmarkId, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (CallsFor(bookmarkId) < count)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Bookmark {bookmarkId} was fired {CallsFor(bookmarkId)} time(s), expected {count}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
