namespace CaseFlow.Server.Reports;

/// <summary>The figures a bureau's work report quotes for a period (see docs/statistics.md for every definition).</summary>
public sealed record ReportSummary
{
    public required string From { get; init; }

    public required string To { get; init; }

    public string? OfficeId { get; init; }

    public string? OfficeName { get; init; }

    /// <summary>Complaints and reports received in the period.</summary>
    public int Received { get; init; }

    /// <summary>Received in the period, by kind (complaint, report).</summary>
    public required IReadOnlyDictionary<string, int> ReceivedByKind { get; init; }

    /// <summary>Complaints received in the period and accepted (受理) by its end.</summary>
    public int Accepted { get; init; }

    /// <summary>Items received in the period and handled (办结) by its end; a report is handled at the 立案 decision.</summary>
    public int Closed { get; init; }

    /// <summary>办结率: closed ÷ received, percent with one decimal; null when nothing was received.</summary>
    public decimal? ClosureRate { get; init; }

    /// <summary>其它X件正在办理: items received in the period and not handled by its end.</summary>
    public int InProgress { get; init; }

    /// <summary>前端化解: complaints of the period settled before they were dispatched to an office (the business resolved them first).</summary>
    public int ResolvedBeforeDispatch { get; init; }

    /// <summary>前端化解率: resolved before dispatch ÷ received, percent with one decimal; null when nothing was received.</summary>
    public decimal? ResolvedBeforeDispatchRate { get; init; }

    /// <summary>按期办结: items, not deadlines (see <see cref="OnTimeFigures"/>).</summary>
    public required OnTimeFigures OnTime { get; init; }

    /// <summary>按期办结率: met ÷ due, percent with one decimal; null when nothing fell due.</summary>
    public decimal? OnTimeRate { get; init; }

    public required MediationFigures Mediation { get; init; }

    /// <summary>调解成功率: succeeded ÷ concluded, percent with one decimal; null when no mediation ended.</summary>
    public decimal? MediationSuccessRate { get; init; }

    public required SatisfactionFigures Satisfaction { get; init; }

    /// <summary>满意率: (very satisfied + satisfied) ÷ rated, percent with one decimal; null when nothing was rated.</summary>
    public decimal? SatisfactionRate { get; init; }

    /// <summary>挽回经济损失 in yuan.</summary>
    public decimal MoneyRecovered { get; init; }

    /// <summary>The same in 万元, rounded to two decimals, as the narrative quotes it.</summary>
    public decimal MoneyRecoveredWan { get; init; }

    /// <summary>立案: enforcement cases opened in the period.</summary>
    public int CasesOpened { get; init; }

    /// <summary>简易程序: penalties decided on the spot in the period (the filing period <c>ppr.simple-filing</c> opened).</summary>
    public int SimpleProcedureCases { get; init; }

    /// <summary>罚没款 of the penalty decisions made in the period.</summary>
    public required PenaltyFigures Penalties { get; init; }

    /// <summary>罚没款 in yuan (fines and confiscations).</summary>
    public decimal FinesAndConfiscations { get; init; }

    /// <summary>The same in 万元, rounded to two decimals.</summary>
    public decimal FinesAndConfiscationsWan { get; init; }

    /// <summary>移送公安: cases transferred to the police in the period.</summary>
    public int TransferredToPolice { get; init; }

    public required IReadOnlyList<CategoryCount> TransfersByCategory { get; init; }

    /// <summary>The sentences a work report uses, joined.</summary>
    public required string Narrative { get; init; }

    public required IReadOnlyList<string> NarrativeSentences { get; init; }
}
