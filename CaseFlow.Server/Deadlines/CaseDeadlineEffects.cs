using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Deadlines;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Deadlines;

/// <summary>
/// Applies <see cref="CaseDeadlineEffect"/>s: case-level deadlines that span several steps (the PPR decision period),
/// kept in the same unit of work as the instance. A suspension or resumption is recorded like one made through the API
/// (a <see cref="StoredDeadlineChange"/> row and a timeline entry); extensions stay with the API, which checks the approver.
/// </summary>
internal sealed class CaseDeadlineEffects(CaseFlowDbContext db, StatutoryDeadlineFactory factory)
{
    public async Task ApplyAsync(StoredCase? storedCase, IEnumerable<WorkflowEffect> effects, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (storedCase is null)
        {
            return; // a process started without a case has no deadline to keep
        }

        foreach (var effect in effects.OfType<CaseDeadlineEffect>())
        {
            var current = await CurrentAsync(storedCase.Id, effect.RuleCode, cancellationToken);
            switch (effect.Action)
            {
                case CaseDeadlineAction.Open when current is null:
                    if (factory.CreateForCase(storedCase, effect.RuleCode, now) is { } opened)
                    {
                        db.Deadlines.Add(opened);
                        Timeline(storedCase.Id, now, actor, "DeadlineOpened", $"{opened.Name}：至 {factory.Calendar.ToLocalDate(opened.DueAt):yyyy-MM-dd}；依据 {opened.LegalBasis}");
                    }

                    break;
                case CaseDeadlineAction.Suspend when current is { State: DeadlineState.Running }:
                    Suspend(storedCase, current, effect, actor, now);
                    break;
                case CaseDeadlineAction.Resume when current is { State: DeadlineState.Suspended, SuspendedAt: { } suspendedAt }:
                    var before = current.DueAt;
                    current.DueAt = DeadlineArithmetic.AfterSuspension(factory.Calendar, current.Unit ?? DeadlineUnit.CalendarDays, before, suspendedAt, now);
                    current.State = DeadlineState.Running;
                    current.SuspendedAt = null;
                    Record(current, DeadlineChangeKind.Resumed, now, actor, effect.Reason ?? effect.ElementId, before, null);
                    Timeline(storedCase.Id, now, actor, "DeadlineResumed", $"{current.Name}：{effect.Reason}；期限顺延至 {factory.Calendar.ToLocalDate(current.DueAt):yyyy-MM-dd}；依据 {current.LegalBasis}");
                    break;
                case CaseDeadlineAction.End when current is not null:
                    // A suspended clock is stopped, so ending then is on time.
                    current.State = current.State == DeadlineState.Running && now > current.DueAt ? DeadlineState.Breached : DeadlineState.Met;
                    current.SuspendedAt = null;
                    current.CompletedAt = now;
                    break;
                default:
                    // Opening twice (a case sent back to the decision step), or suspending a stopped clock: nothing to change.
                    break;
            }
        }
    }

    private void Suspend(StoredCase storedCase, StoredDeadline deadline, CaseDeadlineEffect effect, string actor, DateTimeOffset now)
    {
        var rule = deadline.RuleSetId is null ? null : factory.Resolve(deadline.RuleCode!, storedCase.ReceivedAt)?.Rule;
        if (effect.Kind is not { } kind || rule is null || !rule.ExcludedIntervals.Contains(kind))
        {
            // The statute does not exclude this time from the period: the clock keeps running, and the timeline says why.
            Timeline(storedCase.Id, now, actor, "DeadlineNotSuspended", $"{deadline.Name}：{deadline.RuleCode} 不扣除 {effect.Kind} 期间；依据 {deadline.LegalBasis}");
            return;
        }

        deadline.State = DeadlineState.Suspended;
        deadline.SuspendedAt = now;
        Record(deadline, DeadlineChangeKind.Suspended, now, actor, effect.Reason ?? effect.ElementId, deadline.DueAt, kind);
        Timeline(storedCase.Id, now, actor, "DeadlineSuspended", $"{deadline.Name}（{kind}）：{effect.Reason}；依据 {deadline.LegalBasis}");
    }

    /// <summary>The case's running or suspended case-level deadline for <paramref name="code"/>, including one added in this unit of work.</summary>
    private async Task<StoredDeadline?> CurrentAsync(Guid caseId, string code, CancellationToken cancellationToken) =>
        db.Deadlines.Local.FirstOrDefault(d => d.CaseId == caseId && d.TaskId == null && d.RuleCode == code && d.State is DeadlineState.Running or DeadlineState.Suspended)
        ?? await db.Deadlines.FirstOrDefaultAsync(
            d => d.CaseId == caseId && d.TaskId == null && d.RuleCode == code && (d.State == DeadlineState.Running || d.State == DeadlineState.Suspended),
            cancellationToken);

    private void Record(StoredDeadline deadline, DeadlineChangeKind kind, DateTimeOffset at, string actor, string reason, DateTimeOffset before, IntervalKind? intervalKind) =>
        db.DeadlineChanges.Add(new StoredDeadlineChange
        {
            DeadlineId = deadline.Id,
            CaseId = deadline.CaseId,
            Kind = kind,
            At = at,
            Actor = actor,
            Reason = reason,
            IntervalKind = intervalKind,
            DueBefore = before,
            DueAfter = deadline.DueAt,
        });

    private void Timeline(Guid caseId, DateTimeOffset at, string actor, string @event, string details) =>
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = at, Actor = actor, Event = @event, Details = details });
}
