using System.Diagnostics;
using CaseFlow.LoadDriver.Database;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.LoadDriver.Seeding;

/// <summary>
/// Writes seeded rows straight into the stopped server's database through its own EF Core context and SaveChanges (so
/// anything the context derives on save is derived for these rows too), in batches of about
/// <see cref="EntitiesPerSave"/> entities, the change tracker cleared between batches, with progress.
/// </summary>
/// <remarks>
/// Automatic change detection is off: the seeders only add new entities, whose state Add sets explicitly, so there is
/// nothing for DetectChanges to find and its scan of every tracked entity per Add would be the cost of the seeding.
/// </remarks>
internal static class DirectSeeder
{
    public const int EntitiesPerSave = 5_000;

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    /// <summary>Calls <paramref name="add"/> for items 0..<paramref name="total"/>-1; it adds an item's rows and returns how many entities it added.</summary>
    public static async Task SeedAsync(DriverDatabase database, string what, int total, Func<CaseFlowDbContext, int, int> add)
    {
        var stopwatch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        long rows = 0;
        var pending = 0;
        await using var db = database.CreateContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < total; i++)
        {
            pending += add(db, i);
            if (pending < EntitiesPerSave && i < total - 1)
            {
                continue;
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            rows += pending;
            pending = 0;
            if (stopwatch.Elapsed - lastReport >= ProgressEvery || i == total - 1)
            {
                lastReport = stopwatch.Elapsed;
                Console.WriteLine($"  seeded {i + 1:N0}/{total:N0} {what} ({rows:N0} rows, {rows / stopwatch.Elapsed.TotalSeconds:N0} rows/s)");
            }
        }
    }

    /// <summary>The next case number of counter <paramref name="name"/> (e.g. TS2026), as the server would take it next.</summary>
    public static async Task<long> NextNumberAsync(DriverDatabase database, string name)
    {
        await using var db = database.CreateContext();
        var counter = await db.Counters.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name);
        return (counter?.Value ?? 0) + 1;
    }

    /// <summary>Moves the counter past the seeded numbers, so intakes after the seeding get fresh ones.</summary>
    public static async Task AdvanceCounterAsync(DriverDatabase database, string name, long last)
    {
        await using var db = database.CreateContext();
        var counter = await db.Counters.SingleOrDefaultAsync(c => c.Name == name);
        if (counter is null)
        {
            db.Counters.Add(new StoredCounter { Name = name, Value = last });
        }
        else
        {
            counter.Value = last;
        }

        await db.SaveChangesAsync();
    }
}
