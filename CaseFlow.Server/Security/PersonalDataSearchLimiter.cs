using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// Exact-match searches by ID number or phone per user per hour (sliding). A search by identity is an unmask: even a
/// user allowed to do it may not turn the case list into an oracle that tries every birth date.
/// </summary>
public sealed class PersonalDataSearchLimiter(TimeProvider clock, IOptionsMonitor<SecurityOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> searches = new(StringComparer.Ordinal);

    /// <summary>Null when the search may run (and is counted); otherwise how long until the oldest one leaves the window.</summary>
    public TimeSpan? TryAcquire(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var now = clock.GetUtcNow();
        var limit = options.CurrentValue.PersonalDataSearchesPerHour;
        lock (gate)
        {
            if (!searches.TryGetValue(userName, out var times))
            {
                searches[userName] = times = new Queue<DateTimeOffset>();
            }

            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return times.Peek() + Window - now;
            }

            times.Enqueue(now);
            return null;
        }
    }
}
