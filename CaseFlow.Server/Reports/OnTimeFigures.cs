namespace CaseFlow.Server.Reports;

/// <summary>Items (complaints and reports) due in the period, and those handled on time.</summary>
/// <param name="Due">Items of the period handled by its end, plus items still open at its end past a handling deadline.</param>
/// <param name="Met">Items handled by the end with none of their handling deadlines missed before they were handled.</param>
public sealed record OnTimeFigures(int Due, int Met);
