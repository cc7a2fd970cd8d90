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
}
