namespace CaseFlow.Server.Deadlines;

/// <summary>
/// 加处罚款: a fine not paid within its period grows by 3% of the fine for every day late, and the surcharge may not
/// exceed the fine itself (APL Art. 72(1)(1); PPR Art. 75; rules.md §2 P9).
/// </summary>
public static class LatePaymentSurcharge
{
    /// <summary>The daily rate, 3% of the fine.</summary>
    public const decimal DailyRate = 0.03m;

    /// <summary>
    /// The surcharge on <paramref name="fine"/> due by <paramref name="dueDate"/> (the last day of the payment period)
    /// and paid on, or still unpaid at, <paramref name="asOf"/>: days late are the calendar days after the due date up
    /// to <paramref name="asOf"/>; the amount is rounded to the fen and capped at the fine.
    /// </summary>
    public static Figures Compute(decimal fine, DateOnly dueDate, DateOnly asOf)
    {
        var days = Math.Max(0, asOf.DayNumber - dueDate.DayNumber);
        var uncapped = Math.Round(fine * DailyRate * days, 2, MidpointRounding.AwayFromZero);
        var capped = uncapped > fine;
        return new Figures(days, capped ? fine : uncapped, capped);
    }

    /// <summary>The surcharge as of a day.</summary>
    /// <param name="DaysLate">Calendar days after the due date.</param>
    /// <param name="Amount">The surcharge in yuan.</param>
    /// <param name="Capped">True when the cap (the fine's amount) applies.</param>
    public sealed record Figures(int DaysLate, decimal Amount, bool Capped);
}
