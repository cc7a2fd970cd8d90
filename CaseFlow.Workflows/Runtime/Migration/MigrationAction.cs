namespace CaseFlow.Workflows.Runtime.Migration;

/// <summary>What a migration does with one open bookmark.</summary>
public enum MigrationAction
{
    /// <summary>The same bookmark moves to the counterpart element: a task keeps its id, assignee and due date; a timer keeps its due instant.</summary>
    Kept,

    /// <summary>Withdrawn and created again on the counterpart, because what it waits for changed (e.g. another message name).</summary>
    Recreated,

    /// <summary>Withdrawn: the target version has no counterpart (e.g. a boundary timer that was removed).</summary>
    Withdrawn,
}
