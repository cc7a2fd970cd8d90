namespace CaseFlow.Workflows.Cases;

/// <summary>What a person decided on a report proposed as a duplicate of an earlier one (O121 Art. 35(2)).</summary>
public enum DuplicateDecision
{
    /// <summary>合并: a duplicate (same reporter, facts and target): merged into the first report and not handled again.</summary>
    Merged,

    /// <summary>关联: related to the first report but handled on its own, the two linked.</summary>
    Linked,

    /// <summary>不属于重复举报: the proposal was wrong; handled as a new report, no link kept.</summary>
    Rejected,
}
