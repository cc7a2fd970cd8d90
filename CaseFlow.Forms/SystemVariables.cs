namespace CaseFlow.Forms;

/// <summary>
/// Process variables the system owns: what the intake wrote (CaseRecords.ProcessVariables in the server) and what the
/// engine writes (<c>outcome</c>, from the completion's <c>outcome</c> field; a sealed transfer package; who decided
/// a reserved step and the checked collective discussion; multi-instance counters). Completing a task never sets them and a
/// form may not declare them: a handler's form must not be able to redirect the closure letter or renumber the case.
/// </summary>
public static class SystemVariables
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "caseId", "caseNumber", "kind", "channel", "category", "subject", "complainantName", "complainantEmail",
        "respondentName", "amountInvolved", "receivedAt", "odr", "suggestedOfficeId", "duplicateOf", "anonymous",
        "missingMaterials", "outcome", "transferPackageDocumentId", "decidedBy", "decidedByName", "discussionRecord",
        "loopCounter", "nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances",
    };

    public static bool Contains(string name) => Names.Contains(name);
}
