using System.Globalization;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// A case-level deadline (no task: the PPR decision period opened at 立案 by the <c>CaseDeadline</c> activity) follows
/// its ladder like a task deadline: warnings 15 and 5 days before, the director told a day after it is missed.
/// Before the fix the sweep never saw such deadlines (no <c>NextStepAt</c>), so nothing here fired.
/// </summary>
public sealed class CaseDeadlineLadderTests
{
    [Fact]
    public async Task DecisionPeriod_OpenedAtFiling_IsWarnedBeforeAndReportedToTheDirectorAfter()
    {
        await using var app = new LadderApp();
        var (steps, caseId, deadlineId, due) = await OpenDecisionPeriodAsync(app);

        async Task<List<StoredEscalation>> FiredAsync() =>
            (await app.EscalationsAsync(caseId)).Where(e => e.DeadlineId == deadlineId).ToList();

        await app.SweepAsync();
        Assert.Empty(await FiredAsync());

        // Ten days before the end: the 15-day warning has come, the 5-day one not yet.
        app.MoveTo(due.AddDays(-10).ToDateTime(new TimeOnly(9, 0)));
        await app.SweepAsync();
        var warning = Assert.Single(await FiredAsync());
        Assert.Equal(EscalationKind.Warning, warning.Kind);
        Assert.Null(warning.TaskId);

        app.MoveTo(due.AddDays(-3).ToDateTime(new TimeOnly(9, 0)));
        await app.SweepAsync();
        Assert.Equal(2, (await FiredAsync()).Count(e => e.Kind == EscalationKind.Warning));

        // Two days after the end the director is told, once however often the sweep runs.
        app.MoveTo(due.AddDays(2).ToDateTime(new TimeOnly(9, 0)));
        await app.SweepAsync();
        await app.SweepAsync();
        var fired = await FiredAsync();
        Assert.Equal(3, fired.Count);
        Assert.Single(fired, e => e.Kind == EscalationKind.NotifyDirector);
        Assert.Equal(3, fired.Select(e => e.StepKey).Distinct(StringComparer.Ordinal).Count());
        var timeline = (await steps.CaseAsync(caseId))["timeline"]!.AsArray().Select(e => (string)e!["event"]!).ToList();
        Assert.Contains("DirectorNotified", timeline);
    }

    /// <summary>An enforcement case filed (so on the general procedure): its decision period (a case-level deadline) runs.</summary>
    private static async Task<(EnforcementSteps Steps, string CaseId, Guid DeadlineId, DateOnly Due)> OpenDecisionPeriodAsync(LadderApp app)
    {
        var steps = new EnforcementSteps(app);
        var caseId = await steps.OpenCaseAsync();
        var decision = await steps.DeadlineAsync(caseId, "ppr.decision");
        return (steps, caseId, Guid.Parse((string)decision["id"]!), DateOnly.ParseExact((string)decision["dueDate"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
