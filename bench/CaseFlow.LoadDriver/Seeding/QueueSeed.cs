using CaseFlow.LoadDriver.Database;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Cases;

namespace CaseFlow.LoadDriver.Seeding;

/// <summary>
/// The queues scenario's data: <c>cases</c> complaints, of which <c>openTasks</c> (spread evenly through them) wait on
/// one open task: 1 in 5 the acceptance task in the intake group's queue, the rest a mediation task of one of
/// <see cref="Offices"/> offices (on office-1 and office-2, every other one claimed by the demo handler of that office,
/// so <c>scope=mine</c> has rows). The other cases are finished: 1 in 5 refused at acceptance (one completed task),
/// the rest mediated and closed (two completed tasks).
/// </summary>
/// <remarks>
/// Open deadlines are due days to weeks ahead and ask the sweep to look at them again only tomorrow, so the escalation
/// sweep does no work during the measured run (it re-plans them harmlessly when that instant comes).
/// </remarks>
internal static class QueueSeed
{
    public const int Offices = 20;

    public static async Task SeedAsync(DriverDatabase database, int cases, int openTasks, TimeProvider clock)
    {
        var calendar = new BusinessCalendar();
        var now = clock.GetUtcNow();
        var counter = $"TS{now.Year}";
        var first = await DirectSeeder.NextNumberAsync(database, counter);
        var open = 0;
        var closed = 0;
        Console.WriteLine($"  seeding {cases:N0} complaints ({openTasks:N0} with an open task) into {database.Describe}");
        await DirectSeeder.SeedAsync(database, "complaints", cases, (db, i) =>
        {
            // Exactly openTasks of the cases are open, evenly through the numbers.
            var isOpen = (long)(i + 1) * openTasks / cases != (long)i * openTasks / cases;
            var number = $"{counter}-{first + i:D6}";
            if (isOpen)
            {
                return AddOpen(db, open++, i, number);
            }

            return AddClosed(db, closed++, i, number);
        });
        await DirectSeeder.AdvanceCounterAsync(database, counter, first + cases - 1);

        int AddOpen(Server.Persistence.CaseFlowDbContext db, int k, int i, string number)
        {
            var received = now.AddDays(-(k % 5)).AddMinutes(-(k % 480));
            var c = ComplaintRows.Case(Guid.NewGuid(), number, i, received);
            var acceptance = ComplaintRows.AcceptanceTask(c, calendar.ComputeDue(received, BusinessDuration.Parse("7wd")));
            db.Cases.Add(c);
            db.Tasks.Add(acceptance);
            if (k % 5 == 0)
            {
                db.Deadlines.Add(ComplaintRows.AcceptanceDeadline(acceptance, acceptance.DueAt!.Value, now.AddDays(1)));
                return 3;
            }

            // The office's share: office-1..office-20 in turn over the non-intake open tasks.
            var officeTurn = k - (k / 5) - 1;
            var office = officeTurn % Offices + 1;
            var accepted = received.AddHours(2);
            c.OfficeId = $"office-{office}";
            ComplaintRows.Advance(c, accepted, CaseStatus.Accepted, CaseStatus.Mediating);
            ComplaintRows.Complete(acceptance, accepted, "intake", "accept");
            var mediation = ComplaintRows.MediationTask(c, accepted, accepted.AddDays(60));
            if (office <= 2 && officeTurn / Offices % 2 == 0)
            {
                mediation.Assignee = $"handler{office}";
            }

            db.Tasks.Add(mediation);
            db.Deadlines.Add(ComplaintRows.MediationDeadline(mediation, mediation.DueAt!.Value, now.AddDays(1)));
            return 4;
        }

        int AddClosed(Server.Persistence.CaseFlowDbContext db, int k, int i, string number)
        {
            var received = now.AddDays(-30 - (k % 365)).AddMinutes(-(k % 480));
            var c = ComplaintRows.Case(Guid.NewGuid(), number, i, received);
            var acceptance = ComplaintRows.AcceptanceTask(c, calendar.ComputeDue(received, BusinessDuration.Parse("7wd")));
            var decided = received.AddDays(2);
            db.Cases.Add(c);
            db.Tasks.Add(acceptance);
            if (k % 5 == 0)
            {
                ComplaintRows.Advance(c, decided, CaseStatus.Refused);
                ComplaintRows.Complete(acceptance, decided, "intake", "refuse");
                return 2;
            }

            c.OfficeId = $"office-{k % Offices + 1}";
            c.RecoveredAmount = c.AmountInvolved;
            c.Satisfaction = "satisfied";
            ComplaintRows.Advance(c, decided, CaseStatus.Accepted, CaseStatus.Mediating);
            ComplaintRows.Complete(acceptance, decided, "intake", "accept");
            var mediation = ComplaintRows.MediationTask(c, decided, decided.AddDays(60));
            var agreed = decided.AddDays(10 + (k % 20));
            ComplaintRows.Complete(mediation, agreed, $"handler{k % 2 + 1}", "agreement");
            ComplaintRows.Advance(c, agreed, CaseStatus.Closed);
            db.Tasks.Add(mediation);
            return 3;
        }
    }
}
