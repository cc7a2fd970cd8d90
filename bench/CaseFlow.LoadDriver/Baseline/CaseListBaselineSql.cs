using CaseFlow.LoadDriver.Database;
using CaseFlow.Server.Seeding;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>The case list baseline: the same first page of 50 and total as <c>GET /api/cases</c> for a handler, in plain SQL.</summary>
internal static class CaseListBaselineSql
{
    // ===== KEEP IN STEP WITH GET /api/cases (CaseFlow.Server/Api/CasesApi.cs ListAsync, Cases/VisibleCaseList.cs) =====
    // A handler sees the cases of their offices and those with a grant row (a task assigned to them or offered to one
    // of their groups). The page is the newest 50 of the union, taken from the newest 50 of each index range (per office
    // on IX_Cases_OfficeId_ReceivedAt_Id, per principal on IX_CaseGrants_Principal_ReceivedAt_CaseId, distinct cases);
    // the total is the offices' range counts plus the distinct granted cases outside those offices (the grant's copy of
    // the case's office). The server sends one query per range; here all of it is one command of two statements.
    private const string PageAndTotal = """
        SELECT c."Id", c."Number", c."Kind", c."Status", c."OfficeId", c."Subject", c."RespondentName", c."ReceivedAt"
        FROM "Cases" c WHERE c."Id" IN ({ranges}) ORDER BY c."ReceivedAt" DESC, c."Id" DESC LIMIT 50;
        SELECT (SELECT COUNT(*) FROM "Cases" o WHERE o."OfficeId" IN ({offices}))
             + (SELECT COUNT(*) FROM (SELECT DISTINCT g."CaseId" FROM "CaseGrants" g
                WHERE g."Principal" IN ({principals}) AND (g."OfficeId" IS NULL OR g."OfficeId" NOT IN ({offices}))) d);
        """;

    private const string OfficeRange = """
        SELECT "Id" FROM (SELECT o."Id" FROM "Cases" o WHERE o."OfficeId" = {office} ORDER BY o."ReceivedAt" DESC, o."Id" DESC LIMIT 50) r{n}
        """;

    private const string PrincipalRange = """
        SELECT "CaseId" FROM (SELECT DISTINCT g."ReceivedAt", g."CaseId" FROM "CaseGrants" g WHERE g."Principal" = {principal} ORDER BY g."ReceivedAt" DESC, g."CaseId" DESC LIMIT 50) r{n}
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
        var ranges = offices.Select((o, i) => OfficeRange.Trim().Replace("{office}", o.Item1, StringComparison.Ordinal).Replace("{n}", $"o{i}", StringComparison.Ordinal))
            .Concat(principals.Select((p, i) => PrincipalRange.Trim().Replace("{principal}", p.Item1, StringComparison.Ordinal).Replace("{n}", $"p{i}", StringComparison.Ordinal)));
        var text = PageAndTotal.Replace("{ranges}", string.Join(" UNION ", ranges), StringComparison.Ordinal)
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
