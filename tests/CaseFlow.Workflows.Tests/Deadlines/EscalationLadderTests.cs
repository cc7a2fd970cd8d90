using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;
using CaseFlow.Workflows.Deadlines.Ladder;

namespace CaseFlow.Workflows.Tests.Deadlines;

/// <summary>Where warnings and escalation steps fall on the business calendar, and how a ladder catches up after downtime.</summary>
public sealed class EscalationLadderTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly BusinessCalendar _calendar = new();

    private static readonly DeadlineRule Acceptance = new()
    {
        Code = "complaint.acceptance",
        NameZh = "受理期限",
        NameEn = "Acceptance",
        LegalBasis = "第十五条",
        Unit = DeadlineUnit.WorkingDays,
        Amount = 7,
        StartEvent = "receipt",
        WarningsBefore = ["5wd", "2wd"],
        Escalations =
        [
            new EscalationStep { Offset = "0d", Action = EscalationAction.SupervisionItem, Role = "supervisors" },
            new EscalationStep { Offset = "1wd", Action = EscalationAction.Remind, Role = "assignee", RepeatEvery = "1wd" },
        ],
    };

    [Fact]
    public void WarningTwoWorkingDaysBefore_SkipsTheLabourDayHolidays()
    {
        // Received Thu 2026-04-30, due Wed 05-13; 2 working days before is Mon 05-11, 5 before is Thu 05-07 (5/9 Sat worked).
        var due = Due(new DateOnly(2026, 4, 30));
        Assert.Equal(new DateOnly(2026, 5, 13), _calendar.ToLocalDate(due));

        var first = EscalationLadder.Plan(_calendar, Acceptance, due, Fired(), At(2026, 4, 30, 10));

        Assert.Empty(first.Due);
        Assert.Equal(At(2026, 5, 7, 8), first.NextAt);
        var later = EscalationLadder.Plan(_calendar, Acceptance, due, Fired("warning:5wd@2026-05-13"), At(2026, 5, 7, 9));
        Assert.Equal(At(2026, 5, 11, 8), later.NextAt);
    }

    [Fact]
    public void SeveralWarningsDue_OnlyTheMostUrgentFires_AndTheEarlierOnesAreNotPlannedAgain()
    {
        var due = Due(new DateOnly(2026, 4, 30));

        var plan = EscalationLadder.Plan(_calendar, Acceptance, due, Fired(), At(2026, 5, 12, 9));

        var warning = Assert.Single(plan.Due);
        Assert.Equal("warning:2wd@2026-05-13", warning.Key);
        Assert.True(warning.IsWarning);
        Assert.Equal(due, plan.NextAt); // the supervision item at the due instant
    }

    [Fact]
    public void AtTheDueInstant_TheSupervisionItem_ThenDailyReminders_CatchingUpWithOneReminder()
    {
        var due = Due(new DateOnly(2026, 4, 30));

        var atDue = EscalationLadder.Plan(_calendar, Acceptance, due, Fired("warning:2wd@2026-05-13"), due);
        var supervision = Assert.Single(atDue.Due);
        Assert.Equal((EscalationAction.SupervisionItem, "step:0#1", 1), (supervision.Action!.Value, supervision.Key, supervision.Level));
        Assert.Equal(At(2026, 5, 14, 8), atDue.NextAt);

        // Back after a week away (Thu 05-21 10:00): reminders were due Thu, Fri, Mon, Tue, Wed, Thu; only the latest fires.
        var back = EscalationLadder.Plan(_calendar, Acceptance, due, Fired("warning:2wd@2026-05-13", "step:0#1"), At(2026, 5, 21, 10));
        var reminder = Assert.Single(back.Due);
        Assert.Equal(("step:1#6", 6), (reminder.Key, reminder.Occurrence));
        Assert.Equal(At(2026, 5, 22, 8), back.NextAt);
    }

    [Fact]
    public void AMovedDueDate_GivesItsWarningAgain()
    {
        var due = Due(new DateOnly(2026, 4, 30));
        var extended = _calendar.ComputeDue(due, BusinessDuration.Parse("5wd"));

        var plan = EscalationLadder.Plan(_calendar, Acceptance, extended, Fired("warning:5wd@2026-05-13", "warning:2wd@2026-05-13"), At(2026, 5, 13, 9));

        Assert.Equal("warning:5wd@2026-05-20", Assert.Single(plan.Due).Key);
    }

    [Fact]
    public void ARuleWithoutLadder_NeedsNothing()
    {
        var bare = Acceptance with { WarningsBefore = [], Escalations = [] };

        var plan = EscalationLadder.Plan(_calendar, bare, Due(new DateOnly(2026, 4, 30)), Fired(), At(2026, 5, 30, 9));

        Assert.Empty(plan.Due);
        Assert.Null(plan.NextAt);
    }

    private DateTimeOffset Due(DateOnly received) => DeadlineArithmetic.ComputeDue(_calendar, Acceptance, new DateTimeOffset(received, new TimeOnly(10, 0), Shanghai));

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, Shanghai);

    private static HashSet<string> Fired(params string[] keys) => new(keys, StringComparer.Ordinal);
}
