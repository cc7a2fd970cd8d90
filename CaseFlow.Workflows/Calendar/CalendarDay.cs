namespace CaseFlow.Workflows.Calendar;

/// <summary>One dated line of a holiday notice: a day off, or a make-up working day (调休上班), with its name.</summary>
/// <param name="Date">The civil date in Asia/Shanghai.</param>
/// <param name="Name">The name shown to users, in Chinese as the notice gives it (春节, 国庆节调休上班).</param>
public sealed record CalendarDay(DateOnly Date, string Name);
