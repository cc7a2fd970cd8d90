namespace CaseFlow.Server.Persistence.Migrations;

/// <summary>
/// Case-level deadlines (no task, e.g. the PPR decision period) were created without a planned ladder, so the
/// escalation sweep never looked at them. This asks the sweep to plan each such running deadline once: 0 ticks is
/// "long due", and the sweep replaces it with the ladder's real next instant (or null when nothing is left).
/// Deadlines with fired steps are left alone: their ladder was planned.
/// </summary>
internal static class CaseDeadlineLadderBackfill
{
    public const string Sql = """
        UPDATE "Deadlines" SET "NextStepAt" = 0
        WHERE "State" = 'Running' AND "TaskId" IS NULL AND "RuleCode" IS NOT NULL AND "NextStepAt" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "DeadlineEscalations" e WHERE e."DeadlineId" = "Deadlines"."Id");
        """;
}
