using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Deadlines;

/// <summary>
/// Suspends, resumes and extends statutory deadlines. Each change moves the task's due instant with the deadline,
/// is kept as a <see cref="StoredDeadlineChange"/> row and appends a case timeline entry with the actor and the legal
/// basis, all in one SaveChanges.
/// </summary>
public sealed class DeadlineOperations(CaseFlowDbContext db, RuleSetStore ruleSets, IBusinessCalendar calendar, TimeProvider clock)
{
    /// <summary>The longest period a collective decision may set in one extension (a typing guard, not a statutory cap).</summary>
    public const int MaxReasonablePeriod = 366;

    /// <summary>Stops the clock for a kind of time the rule excludes.</summary>
    public async Task<DeadlineOutcome> SuspendAsync(Guid caseId, Guid deadlineId, string reason, string? kindText, string actor, CancellationToken cancellationToken)
    {
        var (deadline, rule, refusal) = await LoadAsync(caseId, deadlineId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var allowed = string.Join(", ", rule!.ExcludedIntervals);
        // Names only: Enum.TryParse would also take "1".
        if (!Enum.GetNames<IntervalKind>().Contains(kindText, StringComparer.Ordinal) || !rule.ExcludedIntervals.Contains(Enum.Parse<IntervalKind>(kindText!)))
        {
            return DeadlineOutcome.Invalid("kind", rule.ExcludedIntervals.Count == 0
                ? $"{rule.Code} excludes no interval from its period ({rule.LegalBasis}), so it cannot be suspended."
                : $"kind must be one of the intervals {rule.Code} excludes: {allowed}.");
        }

        var kind = Enum.Parse<IntervalKind>(kindText!);
        if (deadline!.State != DeadlineState.Running)
        {
            return DeadlineOutcome.Conflict($"The deadline is {deadline.State.ToString().ToLowerInvariant()}; only a running deadline can be suspended.");
        }

        var now = clock.GetUtcNow();
        deadline.State = DeadlineState.Suspended;
        deadline.SuspendedAt = now;
        deadline.Replan(now);
        Record(deadline, DeadlineChangeKind.Suspended, now, actor, reason, deadline.DueAt, intervalKind: kind);
        Timeline(deadline, now, actor, "DeadlineSuspended", $"{deadline.Name}（{kind}）：{reason}；依据 {deadline.LegalBasis}");
        await MediationStatus.FollowSuspensionAsync(db, deadline, suspended: true, now, cancellationToken);
        return await SaveAsync(deadline, cancellationToken);
    }

    /// <summary>Restarts the clock; the due instant moves by the suspended span counted in the rule's unit.</summary>
    public async Task<DeadlineOutcome> ResumeAsync(Guid caseId, Guid deadlineId, string reason, string actor, CancellationToken cancellationToken)
    {
        var (deadline, _, refusal) = await LoadAsync(caseId, deadlineId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (deadline!.State != DeadlineState.Suspended || deadline.SuspendedAt is not { } suspendedAt)
        {
            return DeadlineOutcome.Conflict("The deadline is not suspended.");
        }

        var now = clock.GetUtcNow();
        var before = deadline.DueAt;
        await MoveAsync(deadline, DeadlineArithmetic.AfterSuspension(calendar, deadline.Unit ?? DeadlineUnit.CalendarDays, before, suspendedAt, now), cancellationToken);
        deadline.State = DeadlineState.Running;
        deadline.SuspendedAt = null;
        Record(deadline, DeadlineChangeKind.Resumed, now, actor, reason, before);
        Timeline(deadline, now, actor, "DeadlineResumed", $"{deadline.Name}：{reason}；期限顺延至 {calendar.ToLocalDate(deadline.DueAt):yyyy-MM-dd}；依据 {deadline.LegalBasis}");
        await MediationStatus.FollowSuspensionAsync(db, deadline, suspended: false, now, cancellationToken);
        return await SaveAsync(deadline, cancellationToken);
    }

    /// <summary>
    /// Extends by the policy's length (or, for a later extension whose length its approver sets, by <paramref name="amount"/>)
    /// when the policy allows another extension with this approval. <paramref name="approvedBy"/> names the approver as the
    /// directory has them (the head who called, or the discussion's participants).
    /// </summary>
    public async Task<DeadlineOutcome> ExtendAsync(Guid caseId, Guid deadlineId, string reason, string approvedBy, ExtensionApprover approval, string actor, CancellationToken cancellationToken, int? amount = null)
    {
        var (deadline, rule, refusal) = await LoadAsync(caseId, deadlineId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (deadline!.State is not (DeadlineState.Running or DeadlineState.Suspended))
        {
            return DeadlineOutcome.Conflict($"The deadline is {deadline.State.ToString().ToLowerInvariant()}; it can no longer be extended.");
        }

        if (rule!.Extension is not { } policy)
        {
            return DeadlineOutcome.Conflict($"{rule.Code} ({rule.LegalBasis}) allows no extension.");
        }

        var number = deadline.ExtensionCount + 1;
        if (!policy.Allows(number))
        {
            return DeadlineOutcome.Conflict($"{rule.Code} allows at most {policy.MaxExtensions} extension(s) ({rule.LegalBasis}); {deadline.ExtensionCount} already granted.");
        }

        var required = policy.ApproverFor(number);
        if (approval != required)
        {
            return DeadlineOutcome.Conflict($"Extension {number} of {rule.Code} must be approved by {required} ({rule.LegalBasis}), not {approval}.");
        }

        int length;
        if (policy.LengthSetByApprover(number))
        {
            // PPR Art. 64: the collective discussion "同时确定延长的合理期限"; the statute fixes no length and no cap.
            if (amount is not ({ } set and >= 1 and <= MaxReasonablePeriod))
            {
                return DeadlineOutcome.Invalid("amount", $"Extension {number} of {rule.Code} takes the reasonable period its {required} sets ({rule.LegalBasis}): give amount, 1 to {MaxReasonablePeriod}, in {rule.Unit}. 须填写集体讨论确定的延长期限。");
            }

            length = set;
        }
        else if (amount is { } fixedAmount && fixedAmount != policy.Amount)
        {
            return DeadlineOutcome.Invalid("amount", $"Extension {number} of {rule.Code} is {policy.Amount} {rule.Unit} by rule ({rule.LegalBasis}); leave amount out.");
        }
        else
        {
            length = policy.Amount;
        }

        var now = clock.GetUtcNow();
        var before = deadline.DueAt;
        await MoveAsync(deadline, DeadlineArithmetic.MoveBy(calendar, rule.Unit, before, length), cancellationToken);
        deadline.ExtensionCount = number;
        Record(deadline, DeadlineChangeKind.Extended, now, actor, reason, before, approvedBy: approvedBy, approval: approval);
        Timeline(deadline, now, actor, "DeadlineExtended",
            $"{deadline.Name} 延长 {rule.PeriodText(length)}（第 {number} 次，{approval}：{approvedBy}）至 {calendar.ToLocalDate(deadline.DueAt):yyyy-MM-dd}：{reason}；依据 {deadline.LegalBasis}");
        return await SaveAsync(deadline, cancellationToken);
    }

    private async Task<(StoredDeadline? Deadline, DeadlineRule? Rule, DeadlineOutcome? Refusal)> LoadAsync(Guid caseId, Guid deadlineId, CancellationToken cancellationToken)
    {
        var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == deadlineId && d.CaseId == caseId, cancellationToken);
        if (deadline is null)
        {
            return (null, null, DeadlineOutcome.Missing($"Case {caseId} has no deadline {deadlineId}."));
        }

        if (deadline.RuleCode is null || deadline.RuleSetId is null)
        {
            return (deadline, null, DeadlineOutcome.Conflict("This deadline is a plain duration without a statutory rule; it cannot be suspended or extended."));
        }

        // The rule as stored now: a legal officer's correction to the set applies to running deadlines too.
        var set = await ruleSets.GetAsync(deadline.RuleSetId, cancellationToken);
        var rule = set?.Rules.FirstOrDefault(r => r.Code == deadline.RuleCode);
        return rule is null
            ? (deadline, null, DeadlineOutcome.Conflict($"Rule {deadline.RuleCode} is no longer in rule set {deadline.RuleSetId}."))
            : (deadline, rule, null);
    }

    private async Task<DeadlineOutcome> SaveAsync(StoredDeadline deadline, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new DeadlineOutcome(deadline);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeadlineOutcome.Conflict("The deadline changed at the same moment (another change, or its task ended); reload the case and try again.");
        }
    }

    private async Task MoveAsync(StoredDeadline deadline, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var task = deadline.TaskId is { } taskId ? await db.Tasks.FindAsync([taskId], cancellationToken) : null;
        deadline.MoveDue(due, task, clock.GetUtcNow());
    }

    private void Record(StoredDeadline deadline, DeadlineChangeKind kind, DateTimeOffset at, string actor, string reason, DateTimeOffset before,
        IntervalKind? intervalKind = null, string? approvedBy = null, ExtensionApprover? approval = null) =>
        db.DeadlineChanges.Add(new StoredDeadlineChange
        {
            DeadlineId = deadline.Id,
            CaseId = deadline.CaseId,
            Kind = kind,
            At = at,
            Actor = actor,
            Reason = reason,
            IntervalKind = intervalKind,
            ApprovedBy = approvedBy,
            Approval = approval,
            DueBefore = before,
            DueAfter = deadline.DueAt,
        });

    private void Timeline(StoredDeadline deadline, DateTimeOffset at, string actor, string @event, string details) =>
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = deadline.CaseId, At = at, Actor = actor, Event = @event, Details = details });
}
