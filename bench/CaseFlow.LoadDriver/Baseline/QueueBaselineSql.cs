using CaseFlow.LoadDriver.Database;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Seeding;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>The queues baseline: the same first page of 50 and total as <c>GET /api/tasks</c>, read with plain SQL.</summary>
internal static class QueueBaselineSql
{
    // ===== KEEP IN STEP WITH GET /api/tasks (CaseFlow.Server/Api/TasksApi.cs ListAsync, Api/TaskQueueQuery.cs) =====
    // The open queues as the server reads them since TaskQueueEntries: the scope's queue lines ({lines}, from Lines
    // below: one queue, or several made distinct), the first 50 in due order joined to their tasks, cases and highest
    // escalation level, then the total, as two statements of one command. When the server's query changes, change this.
    public const string PageAndTotal = """
        SELECT t."Id", t."Name", t."ElementId", t."CaseId", c."Number", c."Subject", c."RespondentName", c."OfficeId",
               t."InstanceId", t."Assignee", t."CandidateGroups", t."DueAt", t."CreatedAt", t."Outcomes", t."State",
               (SELECT MAX(e."Level") FROM "DeadlineEscalations" e WHERE e."TaskId" = t."Id")
        FROM (SELECT l."TaskId", l."DueOrder", l."CreatedAt" FROM ({lines}) l
              ORDER BY l."DueOrder", l."CreatedAt", l."TaskId" LIMIT 50) p
        JOIN "Tasks" t ON t."Id" = p."TaskId"
        LEFT JOIN "Cases" c ON c."Id" = t."CaseId"
        ORDER BY p."DueOrder", p."CreatedAt", p."TaskId";
        SELECT COUNT(*) FROM ({lines}) l;
        """;

    /// <summary>Reads the page and the total for <paramref name="userName"/>'s <paramref name="scope"/>; returns the total.</summary>
    public static Func<Task<long>> For(DriverDatabase database, string userName, string scope)
    {
        var (lines, parameters) = Lines(userName, scope);
        var text = PageAndTotal.Replace("{lines}", lines, StringComparison.Ordinal);
        return async () =>
        {
            await using var connection = await database.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            DriverDatabase.Bind(command, parameters);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetValue(0);
            }

            return await reader.NextResultAsync() && await reader.ReadAsync() ? reader.GetInt64(0) : throw new InvalidOperationException("the total's statement returned nothing");
        };
    }

    /// <summary>The scope's queue lines as TaskQueueQuery picks them: mine = the user's queue, candidate = the user's groups' (admins: every unclaimed task), all = every open task.</summary>
    private static (string Lines, (string, object?)[] Parameters) Lines(string userName, string scope)
    {
        var user = DemoData.Users.FirstOrDefault(u => u.UserName == userName);
        if (user.UserName is null)
        {
            throw new ArgumentException($"--queue-user {userName} is not a demo user ({string.Join(", ", DemoData.Users.Select(u => u.UserName))})");
        }

        var isAdmin = user.Roles.Split(',').Contains(Roles.Admin);
        IReadOnlyList<string> queues = scope switch
        {
            "mine" => [TaskQueues.User(userName)],
            "candidate" when isAdmin => [TaskQueues.Unclaimed],
            "candidate" => [.. user.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(TaskQueues.Group)],
            _ => [TaskQueues.All],
        };
        var parameters = queues.Select((q, i) => ($"@q{i}", (object?)q)).ToArray();
        var lines = queues.Count switch
        {
            0 => """SELECT q."TaskId", q."DueOrder", q."CreatedAt" FROM "TaskQueueEntries" q WHERE 1 = 0""",
            1 => """SELECT q."TaskId", q."DueOrder", q."CreatedAt" FROM "TaskQueueEntries" q WHERE q."Queue" = @q0""",
            _ => $"""SELECT DISTINCT q."TaskId", q."DueOrder", q."CreatedAt" FROM "TaskQueueEntries" q WHERE q."Queue" IN ({string.Join(", ", parameters.Select(p => p.Item1))})""",
        };
        return (lines, parameters);
    }
}
