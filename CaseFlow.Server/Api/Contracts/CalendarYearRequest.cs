namespace CaseFlow.Server.Api.Contracts;

/// <summary>Body of <c>PUT /api/calendar/years/{year}</c>: one year of a State Council holiday notice.</summary>
/// <param name="Holidays">Every day off, weekend days inside a holiday block included.</param>
/// <param name="WorkingWeekends">Saturdays and Sundays worked in exchange (调休上班).</param>
/// <param name="Source">The notice and its date, kept for audit.</param>
public sealed record CalendarYearRequest(
    IReadOnlyList<CalendarDayRequest>? Holidays,
    IReadOnlyList<CalendarDayRequest>? WorkingWeekends,
    string? Source);
