using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;
using CaseFlow.Workflows.Deadlines.Ladder;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Deadlines;

/// <summary>
/// Creates the deadline of a user task as it opens: from its statutory rule (resolved for the case's receipt date)
/// or, without one, from its plain <c>caseflow:dueIn</c> duration.
/// </summary>
public sealed class StatutoryDeadlineFactory(RuleSetStore store, IBusinessCalendar calendar, ILogger<StatutoryDeadlineFactory> logger)
{
    private static readonly IReadOnlySet<string> NoneFired = new HashSet<string>();

    private IReadOnlyList<DeadlineRuleSet>? _ruleSets;

    /// <summary>The business calendar deadlines are counted with.</summary>
    public IBusinessCalendar Calendar => calendar;

    /// <summary>Loads the rule sets once per unit of work, only when <paramref name="result"/> opens a task that names a rule.</summary>
    public async Task PrepareAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_ruleSets is null && (result.CreatedBookmarks.Any(b => b.Task?.DeadlineRule is not null) || result.Effects.Any(e => e is CaseDeadlineEffect)))
        {
            _ruleSets = await store.GetAllAsync(cancellationToken);
        }
    }

    /// <summary>The rule <paramref name="code"/> in force on the case's receipt date, or null when no set in force has it (or none was loaded).</summary>
    public ResolvedDeadlineRule? Resolve(string code, DateTimeOffset receivedAt) =>
        _ruleSets is null ? null : DeadlineRuleResolver.Resolve(_ruleSets, code, calendar.ToLocalDate(receivedAt));

    /// <summary>
    /// A case-level deadline (no task) for <paramref name="code"/>, or null when no rule set in force on the case's
    /// receipt date has it. A period running from <c>case-opened</c> counts from 立案 when the case was filed.
    /// </summary>
    public StoredDeadline? CreateForCase(StoredCase storedCase, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(storedCase);
        if (Resolve(code, storedCase.ReceivedAt) is not { } resolved)
        {
            logger.LogWarning("No rule set in force on the receipt of case {CaseNumber} has the deadline rule {RuleCode}", storedCase.Number, code);
            return null;
        }

        var rule = resolved.Rule;
        var start = rule.CountsFromReceipt ? storedCase.ReceivedAt
            : rule.CountsFromCaseOpening && storedCase.FiledAt is { } filedAt ? filedAt
            : now;
        return FromRule(resolved, storedCase.Id, taskId: null, start, now);
    }

    /// <summary>
    /// A case-level deadline for <paramref name="code"/> counted from <paramref name="start"/>, the instant of the event
    /// the rule runs from (a seizure, a decision received, a hearing date), under the rule set in force on the case's
    /// receipt date; null when no set in force then has the rule. Loads the rule sets when none are loaded yet.
    /// </summary>
    public async Task<StoredDeadline?> CreateFromEventAsync(StoredCase storedCase, string code, DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedCase);
        _ruleSets ??= await store.GetAllAsync(cancellationToken);
        return Resolve(code, storedCase.ReceivedAt) is { } resolved ? FromRule(resolved, storedCase.Id, taskId: null, start, now) : null;
    }

    /// <summary>The deadline for the task <paramref name="taskId"/> opened at <paramref name="now"/>, or null when it has none.</summary>
    public StoredDeadline? Create(Guid caseId, DateTimeOffset? receivedAt, Guid taskId, UserTaskInfo info, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.DeadlineRule is { } code && _ruleSets is not null)
        {
            var receivedOn = calendar.ToLocalDate(receivedAt ?? now);
            if (DeadlineRuleResolver.Resolve(_ruleSets, code, receivedOn) is { } resolved)
            {
                var rule = resolved.Rule;

                // A period running from receipt counts from the case's receipt, so a letter entered days late is not
                // given extra time (O121 Art. 15 "自收到投诉之日起").
                var start = rule.CountsFromReceipt && receivedAt is { } received ? received : now;
                return FromRule(resolved, caseId, taskId, start, now);
            }

            logger.LogWarning("No rule set in force on {ReceivedOn} has the deadline rule {RuleCode}; task {TaskId} falls back to its plain duration", receivedOn, code, taskId);
        }

        return info.DueAt is { } dueAt
            ? new StoredDeadline
            {
                Id = Guid.NewGuid(),
                CaseId = caseId,
                TaskId = taskId,
                Name = info.Name,
                Rule = info.DueIn ?? "",
                StartedAt = now,
                DueAt = dueAt,
                State = DeadlineState.Running,
            }
            : null;
    }

    /// <summary>
    /// A running deadline under <paramref name="resolved"/> counted from <paramref name="start"/>, with its escalation
    /// ladder planned: the sweep only looks at deadlines whose <see cref="StoredDeadline.NextStepAt"/> has come.
    /// </summary>
    private StoredDeadline FromRule(ResolvedDeadlineRule resolved, Guid caseId, Guid? taskId, DateTimeOffset start, DateTimeOffset now)
    {
        var rule = resolved.Rule;
        var due = DeadlineArithmetic.ComputeDue(calendar, rule, start);
        var ladder = EscalationLadder.Plan(calendar, rule, due, NoneFired, now);
        return new StoredDeadline
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            TaskId = taskId,
            Name = rule.NameZh,
            Rule = rule.Period,
            RuleCode = rule.Code,
            RuleSetId = resolved.RuleSet.Id,
            LegalBasis = rule.LegalBasis,
            Unit = rule.Unit,
            StartedAt = start,
            DueAt = due,
            State = DeadlineState.Running,

            // A case entered late (or a period counted from receipt) may already be inside its warning period: the
            // sweep gives that warning now.
            NextStepAt = ladder.Due.Count > 0 ? now : ladder.NextAt,
        };
    }
}
