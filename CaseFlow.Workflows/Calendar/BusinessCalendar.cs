using System.Collections.Frozen;

namespace CaseFlow.Workflows.Calendar;

/// <summary>
/// Mainland China's business calendar in Asia/Shanghai: weekends, statutory holidays and make-up working
/// weekends (调休) loaded per year as data, with the statutory counting rules of rules.md §5.2.
/// </summary>
/// <remarks>
/// <para>Reads are lock-free over an immutable snapshot; <see cref="AddYear"/> builds a new snapshot under a lock
/// and swaps it in, so a year loaded by an administrator is visible to every thread at once and a reader never
/// sees half a year.</para>
/// <para>A year without data (the State Council publishes the next year's arrangement in November) is counted with
/// the fixed-date statutory holidays of 《全国年节及纪念日放假办法》 only: 1 January, 1–2 May and 1–3 October. The lunar
/// holidays and the make-up working days cannot be known, so a deadline reaching into such a year is provisional
/// (<see cref="IsProvisional"/>) until an administrator loads the year and confirms the recalculation.</para>
/// </remarks>
public sealed class BusinessCalendar : IBusinessCalendar
{
    /// <summary>The IANA id of the calendar's time zone.</summary>
    public const string TimeZoneId = "Asia/Shanghai";

    private static readonly TimeOnly EndOfDayTime = new(23, 59, 59);

    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Creates the calendar with the bundled years (2025 and 2026).</summary>
    /// <param name="options">Counting settings; defaults when null.</param>
    public BusinessCalendar(BusinessCalendarOptions? options = null)
        : this(options ?? new BusinessCalendarOptions(), HolidayCalendarData.LoadBundled())
    {
    }

    /// <summary>Creates the calendar with exactly the given years (the bundled ones are not added).</summary>
    /// <param name="options">Counting settings.</param>
    /// <param name="years">Holiday arrangements; each is validated as by <see cref="AddYear"/>.</param>
    /// <exception cref="ArgumentException">A year is inconsistent, or two years disagree about a date.</exception>
    public BusinessCalendar(BusinessCalendarOptions options, IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(years);
        Options = options;
        TimeZone = FindTimeZone();
        foreach (var year in years)
        {
            AddYear(year);
        }
    }

    /// <summary>The counting settings.</summary>
    public BusinessCalendarOptions Options { get; }

    /// <summary>Asia/Shanghai.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The years with holiday data, in order.</summary>
    public IReadOnlyList<int> LoadedYears => _snapshot.YearNumbers;

    /// <summary>Adds a year's holiday arrangement, or replaces the year if it is already loaded (a corrected notice).</summary>
    /// <exception cref="ArgumentException">The year is inconsistent, or it disagrees with another loaded year about a date.</exception>
    public void AddYear(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var errors = year.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Holiday calendar for {year.Year} is inconsistent: {string.Join(" ", errors)}", nameof(year));
        }

        lock (_writeLock)
        {
            var years = _snapshot.Years.Values.Where(y => y.Year != year.Year).Append(year).OrderBy(y => y.Year).ToList();
            _snapshot = Snapshot.Build(years);
        }
    }

    /// <summary>Whether holiday data is loaded for <paramref name="year"/>; without it the year has only ordinary weekends.</summary>
    public bool HasDataFor(int year) => _snapshot.Years.ContainsKey(year);

    /// <summary>The loaded arrangement for <paramref name="year"/>, or null.</summary>
    public CalendarYear? GetYear(int year) => _snapshot.Years.GetValueOrDefault(year);

    /// <summary>True for a statutory holiday day off (weekend days inside a holiday block included, and the fixed-date holidays of a year without data).</summary>
    public bool IsHoliday(DateOnly day) => IsHoliday(_snapshot, day);

    /// <summary>
    /// Whether a period from <paramref name="from"/> to <paramref name="to"/> touches a year without holiday data, so its
    /// count used only the fixed-date holidays and may move when the year's arrangement is loaded.
    /// </summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        var snapshot = _snapshot;
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
        {
            if (!snapshot.Years.ContainsKey(year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The holiday's or make-up working day's name (春节, 国庆节调休上班), or null for an ordinary day.</summary>
    public string? GetDayName(DateOnly day)
    {
        var snapshot = _snapshot;
        return snapshot.Holidays.TryGetValue(day, out var holiday) ? holiday
            : snapshot.WorkingWeekends.TryGetValue(day, out var working) ? working
            : IsFixedHolidayOfUnknownYear(snapshot, day) ? FixedStatutoryHolidays.NameOf(day) + "（当年放假安排未载入，暂按法定日期计算）"
            : null;
    }

    /// <inheritdoc />
    public bool IsWorkingDay(DateOnly day) => IsWorkingDay(_snapshot, day);

    /// <inheritdoc />
    /// <remarks>Zero returns <paramref name="start"/> itself.</remarks>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        CheckDays(workingDays);
        var snapshot = _snapshot;
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(snapshot, day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <inheritdoc />
    public DateOnly AddCalendarDays(DateOnly start, int calendarDays)
    {
        CheckDays(calendarDays);
        var snapshot = _snapshot;
        var day = start.AddDays(calendarDays);

        // O121 Art. 45 / PPR Art. 80: a period ending on a holiday ends on the first day after it; the weekend
        // case is a setting because the statutes are silent (rules.md §5.2).
        var roll = IsHoliday(snapshot, day) || (Options.RollCalendarPeriodsOverWeekends && !IsWorkingDay(snapshot, day));
        while (roll && !IsWorkingDay(snapshot, day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <inheritdoc />
    /// <remarks>The result is in UTC (offset zero); instants are stored in UTC.</remarks>
    public DateTimeOffset ComputeDue(DateTimeOffset start, BusinessDuration duration) => duration.Unit switch
    {
        DurationUnit.Exact => (start + duration.Exact).ToUniversalTime(),
        DurationUnit.WorkingDays => EndOfDay(AddWorkingDays(ToLocalDate(start), duration.Days)),
        DurationUnit.CalendarDays => EndOfDay(AddCalendarDays(ToLocalDate(start), duration.Days)),
        _ => throw new ArgumentOutOfRangeException(nameof(duration), duration.Unit, "Unknown duration unit."),
    };

    /// <inheritdoc />
    /// <remarks>
    /// When <paramref name="due"/> is past, the result is never 0 even if no working day has passed since (due on
    /// Friday, today Saturday): 0 means "due today", and an overdue item must not look like that, so it is -1.
    /// </remarks>
    public int WorkingDaysLeft(DateOnly today, DateOnly due)
    {
        if (due == today)
        {
            return 0;
        }

        var snapshot = _snapshot;
        var (from, to) = due > today ? (today, due) : (due, today);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(snapshot, day))
            {
                count++;
            }
        }

        return due > today ? count : -Math.Max(count, 1);
    }

    /// <inheritdoc />
    public DateOnly ToLocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The last second of <paramref name="day"/> in Shanghai (23:59:59), as a UTC instant.</summary>
    public DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.ToDateTime(EndOfDayTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static bool IsWorkingDay(Snapshot snapshot, DateOnly day) =>
        snapshot.WorkingWeekends.ContainsKey(day)
        || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(snapshot, day));

    private static bool IsHoliday(Snapshot snapshot, DateOnly day) =>
        snapshot.Holidays.ContainsKey(day) || IsFixedHolidayOfUnknownYear(snapshot, day);

    private static bool IsFixedHolidayOfUnknownYear(Snapshot snapshot, DateOnly day) =>
        !snapshot.Years.ContainsKey(day.Year) && FixedStatutoryHolidays.Contains(day);

    private static void CheckDays(int days)
    {
        // Negative periods have no statutory meaning; the cap keeps a typo from looping over centuries.
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, BusinessDuration.MaxDays);
    }

    private static TimeZoneInfo FindTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Slim containers may lack tzdata. China has been UTC+8 without daylight saving since 1991, so a
            // fixed zone gives the same answers for every date this calendar can hold.
            return TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }

    private sealed record Snapshot(
        FrozenDictionary<int, CalendarYear> Years,
        IReadOnlyList<int> YearNumbers,
        FrozenDictionary<DateOnly, string> Holidays,
        FrozenDictionary<DateOnly, string> WorkingWeekends)
    {
        public static readonly Snapshot Empty = Build([]);

        public static Snapshot Build(IReadOnlyList<CalendarYear> years)
        {
            var holidays = new Dictionary<DateOnly, (int Year, string Name)>();
            var working = new Dictionary<DateOnly, (int Year, string Name)>();
            foreach (var year in years)
            {
                Merge(year, year.Holidays, holidays, working, "a holiday", "a working weekend");
                Merge(year, year.WorkingWeekends, working, holidays, "a working weekend", "a holiday");
            }

            return new Snapshot(
                years.ToFrozenDictionary(y => y.Year),
                Array.AsReadOnly(years.Select(y => y.Year).ToArray()),
                holidays.ToFrozenDictionary(p => p.Key, p => p.Value.Name),
                working.ToFrozenDictionary(p => p.Key, p => p.Value.Name));
        }

        // A date may appear in two years' files (a New Year holiday starting on 31 December); that is fine when
        // they agree and refused when one calls it a holiday and the other a working day.
        private static void Merge(
            CalendarYear year,
            IReadOnlyList<CalendarDay> days,
            Dictionary<DateOnly, (int Year, string Name)> target,
            Dictionary<DateOnly, (int Year, string Name)> other,
            string kind,
            string otherKind)
        {
            foreach (var day in days)
            {
                if (other.TryGetValue(day.Date, out var clash))
                {
                    throw new ArgumentException(
                        $"{day.Date:yyyy-MM-dd} is {kind} in the {year.Year} calendar but {otherKind} in the {clash.Year} calendar.",
                        nameof(year));
                }

                target.TryAdd(day.Date, (year.Year, day.Name));
            }
        }
    }
}
