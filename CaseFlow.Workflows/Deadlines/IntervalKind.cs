namespace CaseFlow.Workflows.Deadlines;

/// <summary>Kinds of time a statute leaves out of a period; a deadline may be suspended only for the kinds its rule excludes.</summary>
public enum IntervalKind
{
    /// <summary>检验、检测、鉴定: testing, inspection, appraisal (O121 Art. 22(3), PPR Art. 18, 38, 64).</summary>
    Testing,

    /// <summary>中止: the procedure is suspended (PPR Art. 46, 64; O121 Art. 21).</summary>
    Suspension,

    /// <summary>听证: a hearing (PPR Art. 64).</summary>
    Hearing,

    /// <summary>公告: public notice (PPR Art. 64).</summary>
    PublicNotice,

    /// <summary>在线消费纠纷解决: the business resolves first (rules.md §1.4).</summary>
    Odr,

    /// <summary>权利人辨认或者鉴别: identification of goods by the rights-holder (PPR Art. 18, 64).</summary>
    Identification,

    /// <summary>责令退还多收价款: the period given to refund overcharged prices (PPR Art. 64).</summary>
    RefundOrder,
}
