namespace CaseFlow.Server.Reports;

/// <summary>Statutory deadlines that fell due in the period, and those met.</summary>
/// <param name="Due">Met, breached, or still running past their due instant.</param>
/// <param name="Met">Completed on or before the due instant.</param>
public sealed record OnTimeFigures(int Due, int Met);
