using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// A side effect requested by an activity. The engine never performs I/O: it returns effects, and the server
/// applies them in the same transaction as the instance (outbox rows, case changes), so a crash can never
/// leave an email sent for a state that was not saved, or a state saved without its email.
/// </summary>
public abstract record WorkflowEffect(string ElementId);

/// <summary>Queue an email in the outbox.</summary>
/// <param name="ElementId">The service task that asked for it.</param>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
/// <param name="IdempotencyKey">Stable per (instance, element, token), so a re-run never queues it twice.</param>
public sealed record SendEmailEffect(string ElementId, string To, string Subject, string Body, string IdempotencyKey)
    : WorkflowEffect(ElementId)
{
    /// <summary>A letter template code; when set, the server renders Subject and Body from it while writing the outbox row.</summary>
    public string? Template { get; init; }

    /// <summary>Merge values given explicitly by the process (the <c>fields</c> input); they win over case data.</summary>
    public JsonObject? TemplateFields { get; init; }

    /// <summary>The process variables when the email was requested; merge fields the case does not fill come from here.</summary>
    public JsonObject? Variables { get; init; }
}

/// <summary>Move the case to a new status (the server checks the transition is allowed).</summary>
/// <param name="ElementId">The service task that asked for it.</param>
/// <param name="Status">The target status name (see <see cref="Cases.CaseStatus"/>).</param>
/// <param name="Reason">Why, for the timeline.</param>
public sealed record SetCaseStatusEffect(string ElementId, string Status, string? Reason) : WorkflowEffect(ElementId);

/// <summary>Assign the case to a supervision office.</summary>
public sealed record AssignOfficeEffect(string ElementId, string OfficeId) : WorkflowEffect(ElementId);

/// <summary>Add an entry to the case timeline.</summary>
public sealed record CaseTimelineEffect(string ElementId, string Event, string? Details) : WorkflowEffect(ElementId);

/// <summary>Open, suspend, resume or end a case-level statutory deadline (see <see cref="Activities.CaseDeadline"/>).</summary>
/// <param name="ElementId">The service task that asked for it.</param>
/// <param name="Action">What to do.</param>
/// <param name="RuleCode">The rule, e.g. ppr.decision.</param>
/// <param name="Kind">For a suspension: the excluded kind of time.</param>
/// <param name="Reason">Why, for the timeline.</param>
public sealed record CaseDeadlineEffect(string ElementId, Activities.CaseDeadlineAction Action, string RuleCode, Deadlines.IntervalKind? Kind, string? Reason)
    : WorkflowEffect(ElementId);
