namespace CaseFlow.Workflows.Deadlines;

/// <summary>Who must approve an extension of a statutory period.</summary>
public enum ExtensionApprover
{
    /// <summary>经负责人批准: the head of the authority.</summary>
    OfficeHead,

    /// <summary>负责人集体讨论: collective discussion of the heads (PPR Art. 64).</summary>
    CollectiveDecision,
}
