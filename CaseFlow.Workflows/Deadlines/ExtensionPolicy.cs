namespace CaseFlow.Workflows.Deadlines;

/// <summary>How often and by whom a statutory period may be extended.</summary>
/// <remarks>
/// PPR Art. 64 is the shape this covers: the first extension (+30 days) by the head, any further one only by
/// collective discussion of the heads, which "sets a reasonable period" (同时确定延长的合理期限): with
/// <see cref="LaterAmountSetByApprover"/> the later extensions take the length the discussion chose, and with no
/// <see cref="MaxExtensions"/> there is no cap.
/// </remarks>
public sealed record ExtensionPolicy
{
    /// <summary>How many extensions are allowed in total; null for no cap (the statute sets none).</summary>
    public int? MaxExtensions { get; init; }

    /// <summary>Length of each extension (of the first only, when <see cref="LaterAmountSetByApprover"/>), in the rule's unit.</summary>
    public int Amount { get; init; }

    /// <summary>Who approves the first extension.</summary>
    public ExtensionApprover Approver { get; init; }

    /// <summary>Who approves the second and later extensions; null when the same as <see cref="Approver"/>.</summary>
    public ExtensionApprover? LaterApprover { get; init; }

    /// <summary>Whether the second and later extensions take the length their approver sets (a "reasonable period") rather than <see cref="Amount"/>.</summary>
    public bool LaterAmountSetByApprover { get; init; }

    /// <summary>The approver the <paramref name="number"/>-th extension (1-based) requires.</summary>
    public ExtensionApprover ApproverFor(int number) => number <= 1 ? Approver : LaterApprover ?? Approver;

    /// <summary>Whether the <paramref name="number"/>-th extension's length is set by its approver rather than fixed.</summary>
    public bool LengthSetByApprover(int number) => number > 1 && LaterAmountSetByApprover;

    /// <summary>Whether a <paramref name="number"/>-th extension is allowed at all.</summary>
    public bool Allows(int number) => MaxExtensions is not { } max || number <= max;
}
