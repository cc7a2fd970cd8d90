using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Cases;

/// <summary>The change rows of a deadline as the case view lists them: extensions, and suspensions paired with their resumption.</summary>
public static class DeadlineChangeViews
{
    public static IReadOnlyList<DeadlineExtensionResponse> Extensions(IEnumerable<StoredDeadlineChange> changes) =>
        changes.Where(c => c.Kind == DeadlineChangeKind.Extended)
            .Select(c => new DeadlineExtensionResponse(c.At, c.Actor, c.Reason, c.ApprovedBy, c.Approval?.ToString(), c.DueBefore, c.DueAfter))
            .ToList();

    public static IReadOnlyList<DeadlineSuspensionResponse> Suspensions(IEnumerable<StoredDeadlineChange> changes)
    {
        var result = new List<DeadlineSuspensionResponse>();
        StoredDeadlineChange? open = null;
        foreach (var change in changes.OrderBy(c => c.Id))
        {
            if (change.Kind == DeadlineChangeKind.Suspended)
            {
                open = change;
            }
            else if (change.Kind == DeadlineChangeKind.Resumed && open is not null)
            {
                result.Add(new DeadlineSuspensionResponse(open.IntervalKind?.ToString(), open.At, open.Actor, open.Reason, change.At, change.Actor, change.Reason, change.DueAfter));
                open = null;
            }
        }

        if (open is not null)
        {
            result.Add(new DeadlineSuspensionResponse(open.IntervalKind?.ToString(), open.At, open.Actor, open.Reason, null, null, null, null));
        }

        return result;
    }
}
