namespace CaseFlow.Server.Calendar;

/// <summary>A running deadline or open task whose due date a calendar change moves.</summary>
/// <param name="Kind"><c>deadline</c> (its task moves with it) or <c>task</c> (a timed task without a deadline row).</param>
/// <param name="Id">The deadline's or the task's id.</param>
/// <param name="CaseId">The case, when the deadline or task belongs to one.</param>
/// <param name="TaskId">The task that moves with it.</param>
/// <param name="Name">The deadline's or task's name.</param>
/// <param name="Rule">The counting rule it is recomputed from.</param>
/// <param name="OldDueAt">The due instant now stored.</param>
/// <param name="NewDueAt">The due instant on the changed calendar.</param>
/// <param name="OldDueDate">Civil date in Asia/Shanghai of <paramref name="OldDueAt"/>.</param>
/// <param name="NewDueDate">Civil date in Asia/Shanghai of <paramref name="NewDueAt"/>.</param>
/// <param name="NeedsReview">
/// True for a deadline that was extended or suspended: the change would move its original period, but recomputing it
/// from the rule would undo the approved extension or suspension, so confirm leaves it as it is (new = old) for a person.
/// </param>
public sealed record CalendarImpactItem(
    string Kind,
    Guid Id,
    Guid? CaseId,
    Guid? TaskId,
    string Name,
    string Rule,
    DateTimeOffset OldDueAt,
    DateTimeOffset NewDueAt,
    string OldDueDate,
    string NewDueDate,
    bool NeedsReview = false);
