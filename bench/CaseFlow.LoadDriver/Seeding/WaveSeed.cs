using CaseFlow.LoadDriver.Database;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines.Ladder;

namespace CaseFlow.LoadDriver.Seeding;

/// <summary>
/// The wave's data: registered complaints each waiting on its acceptance task 受理审查 with a running O121
/// complaint.acceptance deadline due at <c>due</c>, the sweep asked to look at it then (NextStepAt = due), and its
/// 2-working-day warning already given (as in EscalationSweepBenchmarks). At the due instant the ladder has exactly
/// one step to fire, the 督办 (supervision item, offset 0d) to the supervisors group: chief, one email each.
/// </summary>
internal static class WaveSeed
{
    public static async Task SeedAsync(DriverDatabase database, int deadlines, DateTimeOffset due, TimeProvider clock)
    {
        var calendar = new BusinessCalendar();
        var warningKey = EscalationLadder.WarningKey("2wd", calendar.ToLocalDate(due));
        var now = clock.GetUtcNow();
        var counter = $"TS{now.Year}";
        var first = await DirectSeeder.NextNumberAsync(database, counter);
        Console.WriteLine($"  seeding {deadlines:N0} complaints with an acceptance deadline due {due:u} into {database.Describe}");
        await DirectSeeder.SeedAsync(database, "deadlines", deadlines, (db, i) =>
        {
            var received = due.AddDays(-9).AddMinutes(-(i % 480));
            var c = ComplaintRows.Case(Guid.NewGuid(), $"{counter}-{first + i:D6}", i, received);
            var task = ComplaintRows.AcceptanceTask(c, due);
            var deadline = ComplaintRows.AcceptanceDeadline(task, due, due);
            db.Cases.Add(c);
            db.Tasks.Add(task);
            db.Deadlines.Add(deadline);
            db.Escalations.Add(ComplaintRows.GivenWarning(deadline, warningKey, received.AddDays(5)));
            return 4;
        });
        await DirectSeeder.AdvanceCounterAsync(database, counter, first + deadlines - 1);
    }
}
