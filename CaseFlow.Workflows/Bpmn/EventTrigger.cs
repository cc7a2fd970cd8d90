namespace CaseFlow.Workflows.Bpmn;

/// <summary>What an end or boundary event throws or catches (its event definition).</summary>
internal enum EventTrigger
{
    None,
    Timer,
    Message,
    Error,
    Escalation,
    Terminate,
}
