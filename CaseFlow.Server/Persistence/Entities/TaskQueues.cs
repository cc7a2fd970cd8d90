namespace CaseFlow.Server.Persistence.Entities;

/// <summary>The queues an open task stands in, by name.</summary>
public static class TaskQueues
{
    /// <summary>Every open task: the supervisors' <c>scope=all</c>.</summary>
    public const string All = "all";

    /// <summary>Every open task nobody holds: an administrator's <c>scope=candidate</c>.</summary>
    public const string Unclaimed = "unclaimed";

    /// <summary>Open tasks nobody holds, offered to <paramref name="group"/>.</summary>
    public static string Group(string group) => "group:" + group;

    /// <summary>Open tasks held by <paramref name="userName"/>: <c>scope=mine</c>.</summary>
    public static string User(string userName) => "user:" + userName;

    /// <summary>The queues a task with these values stands in; none once it is completed.</summary>
    public static IReadOnlyList<string> For(TaskState state, string? assignee, string candidateGroups)
    {
        if (state != TaskState.Open)
        {
            return [];
        }

        if (assignee is not null)
        {
            return [All, User(assignee)];
        }

        var queues = new List<string> { All, Unclaimed };
        foreach (var group in candidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal))
        {
            queues.Add(Group(group));
        }

        return queues;
    }

    public static long DueOrder(DateTimeOffset? dueAt) => dueAt?.UtcTicks ?? long.MaxValue;
}
