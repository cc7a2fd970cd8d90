using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Deadlines;

/// <summary>
/// Opens any rule's deadline on a case from a given start (for periods no process step or measure kind opens) and
/// completes case-level deadlines (a seizure lifted, cash handed in, the court applied to). Task deadlines end with
/// their task. Each command is one SaveChanges with its timeline entry.
/// </summary>
public sealed class CaseDeadlineCommands(CaseFlowDbContext db, StatutoryDeadlineFactory factory, IBusinessCalendar calendar, TimeProvider clock)
{
    public async Task<MeasureOutcome> OpenAsync(Guid caseId, string rule, DateTimeOffset startedAt, string? reason, string actor, CancellationToken cancellationToken)
    {
        var storedCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (storedCase is null)
        {
            return MeasureOutcome.Missing($"Case {caseId} does not exist.");
        }

        if (calendar.ToLocalDate(startedAt) < calendar.ToLocalDate(storedCase.ReceivedAt) && !IsLeadTime(rule))
        {
            return MeasureOutcome.Invalid("startedAt", "startedAt may not be before the case was received. 起算日期不得早于案件收到之日。");
        }

        var now = clock.GetUtcNow();
        var deadline = await factory.CreateFromEventAsync(storedCase, rule, startedAt, now, cancellationToken);
        if (deadline is null)
        {
            return MeasureOutcome.Invalid("rule", $"No rule set in force on the case's receipt ({calendar.ToLocalDate(storedCase.ReceivedAt):yyyy-MM-dd}) has the rule {rule} (GET /api/rule-sets lists them). 案件收到之日施行的规则中没有期限规则 {rule}。");
        }

        db.Deadlines.Add(deadline);
        Timeline(caseId, now, actor, "DeadlineOpened",
            $"{deadline.Name}：自 {calendar.ToLocalDate(startedAt):yyyy-MM-dd} 起算，至 {calendar.ToLocalDate(deadline.DueAt):yyyy-MM-dd}{(string.IsNullOrWhiteSpace(reason) ? "" : "：" + reason.Trim())}；依据 {deadline.LegalBasis}");
        await db.SaveChangesAsync(cancellationToken);
        return new MeasureOutcome([deadline]);
    }

    public async Task<MeasureOutcome> CompleteAsync(Guid caseId, Guid deadlineId, DateTimeOffset completedAt, string reason, string actor, CancellationToken cancellationToken)
    {
        var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == deadlineId && d.CaseId == caseId, cancellationToken);
        if (deadline is null)
        {
            return MeasureOutcome.Missing($"Case {caseId} has no deadline {deadlineId}.");
        }

        if (deadline.TaskId is not null)
        {
            return MeasureOutcome.Conflict("This deadline belongs to a task and ends when the task is completed. 该期限随任务办结而结束。");
        }

        if (deadline.State is not (DeadlineState.Running or DeadlineState.Suspended))
        {
            return MeasureOutcome.Conflict($"The deadline is already {deadline.State.ToString().ToLowerInvariant()}. 该期限已结束。");
        }

        if (completedAt < deadline.StartedAt && !IsLeadTime(deadline.RuleCode))
        {
            return MeasureOutcome.Invalid("completedAt", "completedAt may not be before the deadline started. 完成日期不得早于期限起算日。");
        }

        var now = clock.GetUtcNow();
        deadline.State = deadline.State == DeadlineState.Running && completedAt > deadline.DueAt ? DeadlineState.Breached : DeadlineState.Met;
        deadline.SuspendedAt = null;
        deadline.CompletedAt = completedAt;
        deadline.NextStepAt = null;
        Timeline(caseId, now, actor, "DeadlineCompleted",
            $"{deadline.Name}：{reason}（{calendar.ToLocalDate(completedAt):yyyy-MM-dd}，{(deadline.State == DeadlineState.Met ? "按期" : "逾期")}）；依据 {deadline.LegalBasis}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeasureOutcome.Conflict("The deadline changed at the same moment; reload the case and try again.");
        }

        return new MeasureOutcome([deadline]);
    }

    // A lead time (the hearing notice) counts back from an event that lies ahead, so its start may be any day.
    private static bool IsLeadTime(string? rule) => rule == "ppr.hearing-notice";

    private void Timeline(Guid caseId, DateTimeOffset at, string actor, string @event, string details) =>
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = at, Actor = actor, Event = @event, Details = details });
}
