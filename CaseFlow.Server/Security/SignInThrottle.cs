using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// Slows password guessing without handing anyone a way to lock people out, and without counting successes: a
/// whole office signing in from one address is never limited. Failures are counted per account and address (a
/// few free, then a backoff that doubles up to a small cap), per account over every address (distributed guessing;
/// it does not apply at addresses the account signed in from before), and per address over distinct accounts
/// (password spraying). Unknown user names are counted exactly like real ones, so the answers tell nothing.
/// </summary>
/// <remarks>
/// <para>Atomic under concurrency: <see cref="TryBegin"/> counts the attempt as a failure before the password is
/// checked (under one lock) and <see cref="Succeeded"/> takes it back, so parallel attempts cannot all slip
/// through before the first failures are counted.</para>
/// <para>Counters live in this process: on several nodes each keeps its own (an attacker gets the node count
/// times the rate). A counter is forgotten <see cref="SecurityOptions.LockoutMinutes"/> after its last failure.</para>
/// </remarks>
public sealed class SignInThrottle(TimeProvider clock, IOptionsMonitor<SecurityOptions> options)
{
    /// <summary>Most user names remembered per address for the spraying count (bounds memory under attack).</summary>
    private const int MaxNamesPerAddress = 1000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Counter> pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressCounter> addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> familiar = new(StringComparer.Ordinal);

    /// <summary>
    /// Null when the attempt may check a password (it is counted as a failure until <see cref="Succeeded"/>);
    /// otherwise how long the client must wait (the answer's <c>Retry-After</c>).
    /// </summary>
    public TimeSpan? TryBegin(string userName, string address)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(address);
        var o = options.CurrentValue;
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(o.LockoutMinutes);
        var account = Normalise(userName);
        var pairKey = account + "\n" + address;
        lock (gate)
        {
            var wait = Max(
                Wait(addresses.GetValueOrDefault(address)?.Counter, now, window),
                Wait(pairs.GetValueOrDefault(pairKey), now, window),
                IsFamiliar(account, address) ? null : Wait(accounts.GetValueOrDefault(account), now, window));
            if (wait is not null)
            {
                return wait;
            }

            Count(pairs, pairKey, now, window, o.MaxFailedSignIns, TimeSpan.FromSeconds(o.SignInBackoffMaxSeconds));
            Count(accounts, account, now, window, o.AccountFailedSignIns, TimeSpan.FromSeconds(o.AccountBackoffMaxSeconds));
            return null;
        }
    }

    /// <summary>The password was right: the attempt's failure is taken back and the account's counters cleared.</summary>
    public void Succeeded(string userName, string address)
    {
        var account = Normalise(userName);
        lock (gate)
        {
            pairs.Remove(account + "\n" + address);
            accounts.Remove(account);
            if (!familiar.TryGetValue(account, out var known))
            {
                familiar[account] = known = new HashSet<string>(StringComparer.Ordinal);
            }

            if (known.Count < 20)
            {
                known.Add(address);
            }
        }
    }

    /// <summary>The password was wrong (already counted per account): counts the account for the address's spraying limit.</summary>
    public void Failed(string userName, string address)
    {
        var o = options.CurrentValue;
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(o.LockoutMinutes);
        var account = Normalise(userName);
        lock (gate)
        {
            if (!addresses.TryGetValue(address, out var counter) || now - counter.Counter.LastFailure > window)
            {
                addresses[address] = counter = new AddressCounter();
            }

            if (counter.Names.Count < MaxNamesPerAddress)
            {
                counter.Names.Add(account);
            }

            counter.Counter.Failures = counter.Names.Count;
            counter.Counter.LastFailure = now;
            if (counter.Names.Count >= o.AddressFailedAccounts)
            {
                counter.Counter.BlockedUntil = now + Backoff(counter.Names.Count - o.AddressFailedAccounts, TimeSpan.FromSeconds(o.SignInBackoffMaxSeconds));
            }

            Prune(now, window);
        }
    }

    /// <summary>Clears the account's counters (an administrator enabled the account).</summary>
    public void Forget(string userName)
    {
        var account = Normalise(userName);
        lock (gate)
        {
            accounts.Remove(account);
            foreach (var key in pairs.Keys.Where(k => k.StartsWith(account + "\n", StringComparison.Ordinal)).ToList())
            {
                pairs.Remove(key);
            }
        }
    }

    /// <summary>The wait after <paramref name="excess"/> failures beyond the free ones: 1 s, 2 s, 4 s, ... up to <paramref name="cap"/>.</summary>
    public static TimeSpan Backoff(int excess, TimeSpan cap) =>
        excess >= 30 ? cap : TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Max(0, excess))));

    private static string Normalise(string userName) => userName.Trim().ToUpperInvariant();

    private bool IsFamiliar(string account, string address) => familiar.TryGetValue(account, out var known) && known.Contains(address);

    private static TimeSpan? Wait(Counter? counter, DateTimeOffset now, TimeSpan window) =>
        counter is null || now - counter.LastFailure > window || counter.BlockedUntil <= now ? null : counter.BlockedUntil - now;

    private static TimeSpan? Max(params TimeSpan?[] waits) => waits.Where(w => w is not null).Select(w => w!.Value).DefaultIfEmpty().Max() is var max && max > TimeSpan.Zero ? max : null;

    private static void Count(Dictionary<string, Counter> counters, string key, DateTimeOffset now, TimeSpan window, int free, TimeSpan cap)
    {
        if (!counters.TryGetValue(key, out var counter) || now - counter.LastFailure > window)
        {
            counters[key] = counter = new Counter();
        }

        counter.Failures++;
        counter.LastFailure = now;
        if (counter.Failures >= free)
        {
            counter.BlockedUntil = now + Backoff(counter.Failures - free, cap);
        }
    }

    /// <summary>Drops forgotten counters now and then, so memory stays bounded by the failures of one window.</summary>
    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        if (pairs.Count + accounts.Count + addresses.Count < 10_000)
        {
            return;
        }

        foreach (var dictionary in new[] { pairs, accounts })
        {
            foreach (var key in dictionary.Where(p => now - p.Value.LastFailure > window).Select(p => p.Key).ToList())
            {
                dictionary.Remove(key);
            }
        }

        foreach (var key in addresses.Where(p => now - p.Value.Counter.LastFailure > window).Select(p => p.Key).ToList())
        {
            addresses.Remove(key);
        }
    }

    private sealed class Counter
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }

    private sealed class AddressCounter
    {
        public Counter Counter { get; } = new();

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }
}
