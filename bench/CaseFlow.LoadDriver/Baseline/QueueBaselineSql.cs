using CaseFlow.LoadDriver.Database;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Seeding;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>The queues baseline: the same first page of 50 and total as <c>GET /api/tasks</c>, read with plain SQL.</summary>
internal static class QueueBaselineSql
{
    // ===== KEEP IN STEP WITH GET /api/tasks (CaseFlow.Server/Api/TasksApi.cs ListAsync) =====
    // The page (first 50 open tasks of the scope, due first, with case fields and the highest escalation level) and the
    // total, as two statements of one command. {filter} is the scope's condition on t, from Filter below. When the
    // server's task query changes (e.g. reads a table derived from Tasks), change this text to read what it reads.
    public const string PageAndTotal = """
        SELECT t."Id", t."Name", t."ElementId", t."CaseId", c."Number", c."Subject", c."RespondentName", c."OfficeId",
               t."InstanceId", t."Assignee", t."CandidateGroups", t."DueAt", t."CreatedAt", t."Outcomes", t."State",
               (SELECT MAX(e."Level") FROM "DeadlineEscalations" e WHERE e."TaskId" = t."Id")
        FROM (SELECT * FROM "Tasks" t WHERE t."State" = 'Open' AND {filter}
              ORDER BY t."DueAt" IS NULL, t."DueAt", t."CreatedAt" LIMIT 50) t
        LEFT JOIN "Cases" c ON c."Id" = t."CaseId"
        ORDER BY t."DueAt" IS NULL, t."DueAt", t."CreatedAt";
        SELECT COUNT(*) FROM "Tasks" t WHERE t."State" = 'Open' AND {filter};
        """;

    /// <summary>Reads the page and the total for <paramref name="userName"/>'s <paramref name="scope"/>; returns the total.</summary>
    public static Func<Task<long>> For(DriverDatabase database, string userName, string scope)
    {
        var (filter, parameters) = Filter(userName, scope);
        var text = PageAndTotal.Replace("{filter}", filter, StringComparison.Ordinal);
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

    /// <summary>The scope's condition as the API builds it: candidate = unassigned in one of the user's groups (admins: any), mine = assigned to the user.</summary>
    private static (string Filter, (string, object?)[] Parameters) Filter(string userName, string scope)
    {
        var user = DemoData.Users.FirstOrDefault(u => u.UserName == userName);
        if (user.UserName is null)
        {
            throw new ArgumentException($"--queue-user {userName} is not a demo user ({string.Join(", ", DemoData.Users.Select(u => u.UserName))})");
        }

        var isAdmin = user.Roles.Split(',').Contains(Roles.Admin);
        switch (scope)
        {
            case "mine":
                return ("t.\"Assignee\" = @user", [("@user", userName)]);
            case "all":
                return ("1 = 1", []);
            default:
                if (isAdmin)
                {
                    return ("t.\"Assignee\" IS NULL", []);
                }

                var groups = user.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries);
                var likes = groups.Select((_, i) => $"t.\"CandidateGroups\" LIKE @g{i}").DefaultIfEmpty("1 = 0");
                return ($"t.\"Assignee\" IS NULL AND ({string.Join(" OR ", likes)})", [.. groups.Select((g, i) => ($"@g{i}", (object?)$"%,{g},%"))]);
        }
    }
}
