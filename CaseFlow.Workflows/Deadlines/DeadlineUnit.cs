namespace CaseFlow.Workflows.Deadlines;

/// <summary>How a statutory period is counted.</summary>
public enum DeadlineUnit
{
    /// <summary>工作日: working days on the business calendar, start day excluded (O121 Art. 45).</summary>
    WorkingDays,

    /// <summary>日: calendar days, a period ending on a holiday rolled to the next working day.</summary>
    CalendarDays,

    /// <summary>小时: elapsed hours (O310 Art. 5(2) "24小时内").</summary>
    Hours,
}
