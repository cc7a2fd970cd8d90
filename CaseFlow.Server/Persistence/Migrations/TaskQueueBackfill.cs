namespace CaseFlow.Server.Persistence.Migrations;

/// <summary>
/// Fills <c>TaskQueueEntries</c> from the open tasks of a database created before the table existed, with the lines
/// <c>TaskQueues.For</c> gives: every open task in <c>all</c>; a held one in <c>user:&lt;assignee&gt;</c>; an unclaimed one
/// in <c>unclaimed</c> and <c>group:&lt;g&gt;</c> per candidate group (stored as <c>,g1,g2,</c>). Only the split of that list
/// differs between the providers.
/// </summary>
internal static class TaskQueueBackfill
{
    private const string Columns = """INSERT INTO "TaskQueueEntries" ("Queue", "TaskId", "DueOrder", "CreatedAt")""";

    private const string DueOrder = """COALESCE(t."DueAt", 9223372036854775807)""";

    public const string Common = $"""
        {Columns}
        SELECT 'all', t."Id", {DueOrder}, t."CreatedAt" FROM "Tasks" t WHERE t."State" = 'Open';
        {Columns}
        SELECT 'user:' || t."Assignee", t."Id", {DueOrder}, t."CreatedAt" FROM "Tasks" t WHERE t."State" = 'Open' AND t."Assignee" IS NOT NULL;
        {Columns}
        SELECT 'unclaimed', t."Id", {DueOrder}, t."CreatedAt" FROM "Tasks" t WHERE t."State" = 'Open' AND t."Assignee" IS NULL;
        """;

    /// <summary>SQLite: the list made a JSON array for <c>json_each</c> (group names carry no quotes or backslashes).</summary>
    public const string SqliteGroups = $"""
        {Columns}
        SELECT DISTINCT 'group:' || trim(g.value), t."Id", {DueOrder}, t."CreatedAt"
        FROM "Tasks" t, json_each('["' || replace(t."CandidateGroups", ',', '","') || '"]') g
        WHERE t."State" = 'Open' AND t."Assignee" IS NULL AND trim(g.value) <> '';
        """;

    public const string PostgresGroups = $"""
        {Columns}
        SELECT DISTINCT 'group:' || trim(g), t."Id", {DueOrder}, t."CreatedAt"
        FROM "Tasks" t CROSS JOIN LATERAL unnest(string_to_array(t."CandidateGroups", ',')) AS g
        WHERE t."State" = 'Open' AND t."Assignee" IS NULL AND trim(g) <> '';
        """;
}
