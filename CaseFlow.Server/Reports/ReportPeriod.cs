namespace CaseFlow.Server.Reports;

/// <summary>A report period: Shanghai dates, both inclusive, and the UTC instants [Start, End) they cover.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End);
