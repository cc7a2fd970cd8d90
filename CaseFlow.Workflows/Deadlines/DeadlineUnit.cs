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

    /// <summary>
    /// 月 (and 年 as 12 months): the period ends on the corresponding day of the last month, or that month's last day
    /// when it has none (Civil Code Art. 202), rolled like calendar days when it ends on a holiday. Used for "三个月"
    /// (applying to the court, PPR Art. 76) and the limitation periods (APL Art. 36; O121 Art. 16(4)).
    /// </summary>
    Months,
}
