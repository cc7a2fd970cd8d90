namespace CaseFlow.Server.Persistence.Migrations;

/// <summary>
/// Copies each grant's case's <c>ReceivedAt</c> and <c>OfficeId</c> onto the grant (what <c>CaseGrantCaseValues</c> keeps
/// in every save from then on), for the grants of a database from before the columns existed. Run before the new indexes
/// are built, so they are built once over the final values.
/// </summary>
internal static class CaseGrantCaseValuesBackfill
{
    /// <summary>SQLite: <c>UPDATE ... FROM</c> (3.33 and later; the bundled library is newer).</summary>
    public const string Sqlite = """
        UPDATE "CaseGrants" SET "ReceivedAt" = c."ReceivedAt", "OfficeId" = c."OfficeId"
        FROM "Cases" c WHERE c."Id" = "CaseGrants"."CaseId";
        """;

    public const string Postgres = """
        UPDATE "CaseGrants" g SET "ReceivedAt" = c."ReceivedAt", "OfficeId" = c."OfficeId"
        FROM "Cases" c WHERE c."Id" = g."CaseId";
        """;
}
