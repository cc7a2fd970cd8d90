namespace CaseFlow.Server.Api.Contracts;

/// <summary>One dated line of a holiday notice. The date is text so that a wrong one is answered naming the entry, not with a bare 400.</summary>
public sealed record CalendarDayRequest(string? Date, string? Name);
