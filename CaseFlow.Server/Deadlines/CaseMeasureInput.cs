namespace CaseFlow.Server.Deadlines;

/// <summary>A measure as the API read it (already parsed; the recorder checks it against the case).</summary>
/// <param name="Kind">One of <see cref="CaseMeasureKind.All"/>.</param>
/// <param name="At">When the measure was taken or the event happened; deadlines count from its Shanghai day.</param>
/// <param name="Note">What was done, for the timeline.</param>
/// <param name="HearingDate">For <c>hearing-scheduled</c>: the day of the hearing.</param>
/// <param name="FineAmount">For <c>penalty-decided</c>: the fine in yuan.</param>
/// <param name="ConfiscationAmount">For <c>penalty-decided</c>: the illegal gains and property confiscated, in yuan.</param>
/// <param name="Amount">For <c>cash-collected</c>: the cash collected, in yuan.</param>
/// <param name="DecisionNumber">The decision's number (行政处罚决定书文号), for the timeline.</param>
/// <param name="ServedAt">For <c>penalty-decided</c>: when the party received the decision; the payment period opens from it.</param>
public sealed record CaseMeasureInput(
    string Kind,
    DateTimeOffset At,
    string? Note = null,
    DateOnly? HearingDate = null,
    decimal? FineAmount = null,
    decimal? ConfiscationAmount = null,
    decimal? Amount = null,
    string? DecisionNumber = null,
    DateTimeOffset? ServedAt = null);
