namespace CaseFlow.Workflows.Calendar;

/// <summary>How a duration is counted.</summary>
public enum DurationUnit
{
    /// <summary>An exact ISO 8601 duration (<c>PT5S</c>, <c>P3D</c>): elapsed time, no calendar.</summary>
    Exact,

    /// <summary><c>7wd</c>: working days on the business calendar.</summary>
    WorkingDays,

    /// <summary><c>60d</c>: calendar days, rolled past a holiday end.</summary>
    CalendarDays,
}
