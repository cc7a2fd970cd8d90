namespace CaseFlow.Workflows.Cases;

/// <summary>Where a complaint or report stands (O121's model, rules.md §4).</summary>
public enum CaseStatus
{
    /// <summary>登记: taken in, acceptance not yet decided.</summary>
    Registered,

    /// <summary>受理: accepted.</summary>
    Accepted,

    /// <summary>不予受理: refused on an Art. 16 ground.</summary>
    Refused,

    /// <summary>分派: assigned to a supervision office.</summary>
    Assigned,

    /// <summary>调解中: in mediation.</summary>
    Mediating,

    /// <summary>办结: closed.</summary>
    Closed,

    /// <summary>中止调解: mediation suspended (testing, appraisal), the clock stopped (O121 Art. 22).</summary>
    Suspended,

    /// <summary>核查中: a report being verified before the 立案 decision (O121 Art. 35, PPR Art. 18).</summary>
    Verifying,

    /// <summary>立案: an enforcement case opened on the approval form.</summary>
    Filed,

    /// <summary>不予立案: verified and not opened, with the reason recorded.</summary>
    NotFiled,

    /// <summary>已移送公安: transferred to the police as a suspected crime (Order 310).</summary>
    Transferred,

    /// <summary>已作出处罚决定: a penalty decision made and being served, published and executed.</summary>
    Decided,
}
