namespace CaseFlow.Server.Persistence.Migrations;

/// <summary>
/// Fills <c>CaseGrants</c> from the tasks of a database created before the table existed, with the grants
/// <c>CaseGrantIndex.Build</c> gives: for every task of a case, open or completed, <c>user:&lt;assignee&gt;</c> and
/// <c>group:&lt;g&gt;</c> per candidate group (stored as <c>,g1,g2,</c>, split untrimmed, a name counted only where <c>,name,</c> occurs, as the rule matched). Only the split differs between
/// the providers.
/// </summary>
internal static class CaseGrantBackfill
{
    private const string Columns = """INSERT INTO "CaseGrants" ("Principal", "TaskId", "CaseId")""";

    public const string Assignees = $"""
        {Columns}
        SELECT 'user:' || t."Assignee", t."Id", t."CaseId" FROM "Tasks" t WHERE t."CaseId" IS NOT NULL AND t."Assignee" IS NOT NULL;
        """;

    /// <summary>SQLite: the list made a JSON array for <c>json_each</c> (group names carry no quotes or backslashes).</summary>
    public const string SqliteGroups = $"""
        {Columns}
        SELECT DISTINCT 'group:' || g.value, t."Id", t."CaseId"
        FROM "Tasks" t, json_each('["' || replace(t."CandidateGroups", ',', '","') || '"]') g
        WHERE t."CaseId" IS NOT NULL AND g.value <> '' AND instr(t."CandidateGroups", ',' || g.value || ',') > 0;
        """;

    public const string PostgresGroups = $"""
        {Columns}
        SELECT DISTINCT 'group:' || g, t."Id", t."CaseId"
        FROM "Tasks" t CROSS JOIN LATERAL unnest(string_to_array(t."CandidateGroups", ',')) AS g
        WHERE t."CaseId" IS NOT NULL AND g <> '' AND strpos(t."CandidateGroups", ',' || g || ',') > 0;
        """;
}
