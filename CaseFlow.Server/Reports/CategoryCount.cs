namespace CaseFlow.Server.Reports;

/// <summary>A count for one case category: its code as stored and its Chinese name.</summary>
public sealed record CategoryCount(string Category, string Name, int Count);
