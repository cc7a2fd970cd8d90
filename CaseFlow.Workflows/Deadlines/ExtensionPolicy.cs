namespace CaseFlow.Workflows.Deadlines;

/// <summary>How often and by whom a statutory period may be extended.</summary>
/// <remarks>
/// PPR Art. 64 is the shape this covers: the first extension (+30 days) by the head, any further one only by
/// collective decision of the heads. The statute lets the collective decision choose the length; the engine
/// extends by <see cref="Amount"/> each time, which a legal officer can edit.
/// </remarks>
public sealed record ExtensionPolicy
{
    /// <summary>How many extensions are allowed in total.</summary>
    public int MaxExtensions { get; init; }

    /// <summary>Length of each extension, in the rule's unit.</summary>
    public int Amount { get; init; }

    /// <summary>Who approves the first extension.</summary>
    public ExtensionApprover Approver { get; init; }

    /// <summary>Who approves the second and later extensions; null when the same as <see cref="Approver"/>.</summary>
    public ExtensionApprover? LaterApprover { get; init; }

    /// <summary>The approver the <paramref name="number"/>-th extension (1-based) requires.</summary>
    public ExtensionApprover ApproverFor(int number) => number <= 1 ? Approver : LaterApprover ?? Approver;
}
