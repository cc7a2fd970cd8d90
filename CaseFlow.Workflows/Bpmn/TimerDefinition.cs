using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>When a timer fires: after a duration (counted on the business calendar) or at a fixed instant.</summary>
internal sealed record TimerDefinition(BusinessDuration? Duration, DateTimeOffset? At, string Text);
