using CaseFlow.LoadDriver.Database;
using CaseFlow.Server.Seeding;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>The case list baseline: the same first page of 50 and total as <c>GET /api/cases</c> for a handler, in plain SQL.</summary>
internal static class CaseListBaselineSql
{
    // ===== KEEP IN STEP WITH GET /api/cases (CaseFlow.Server/Api/CasesApi.cs ListAsync, Security/CaseAccess.cs Visible) =====
    // A handler sees the cases of their offices and those with a grant row (a task assigned to them or offered to one
    // of their groups), as the union of the two index ranges; the page is the newest 50, then the total, as two
    // statements of one command.
    private const string PageAndTotal = """
        SELECT c."Id", c."Number", c."Kind", c."Status", c."OfficeId", c."Subject", c."RespondentName", c."ReceivedAt"
        FROM "Cases" c WHERE {visible} ORDER BY c."ReceivedAt" DESC LIMIT 50;
        SELECT COUNT(*) FROM "Cases" c WHERE {visible};
        """;

    private const string Visible = """
        c."Id" IN (SELECT o."Id" FROM "Cases" o WHERE o."OfficeId" IN ({offices}) UNION SELECT g."CaseId" FROM "CaseGrants" g WHERE g."Principal" IN ({principals}))
        """;

    /// <summary>Reads the page and the total as <paramref name="userName"/> (a user who does not see every case); returns the total.</summary>
    public static Func<Task<long>> For(DriverDatabase database, string userName)
    {
        var user = DemoData.Users.FirstOrDefault(u => u.UserName == userName);
        if (user.UserName is null)
        {
            throw new ArgumentException($"--queue-user {userName} is not a demo user ({string.Join(", ", DemoData.Users.Select(u => u.UserName))})");
        }

        var groups = user.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var offices = groups.Select((g, i) => ($"@o{i}", (object?)g)).ToArray();
        var principals = groups.Select(g => "group:" + g).Prepend("user:" + userName).Select((p, i) => ($"@p{i}", (object?)p)).ToArray();
        var text = PageAndTotal.Replace("{visible}", Visible.Trim(), StringComparison.Ordinal)
            .Replace("{offices}", string.Join(", ", offices.Select(o => o.Item1)), StringComparison.Ordinal)
            .Replace("{principals}", string.Join(", ", principals.Select(p => p.Item1)), StringComparison.Ordinal);
        return async () =>
        {
            await using var connection = await database.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            DriverDatabase.Bind(command, [.. offices, .. principals]);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetValue(0);
            }

            return await reader.NextResultAsync() && await reader.ReadAsync() ? reader.GetInt64(0) : throw new InvalidOperationException("the total's statement returned nothing");
        };
    }
}
