namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// The audit entries a request writes in its own transaction: unlinked (no chain position or hash yet; the server's
/// audit sequencer links them after commit), so they are plain inserts with no lock on the chain's end.
/// </summary>
internal static class RawAudit
{
    /// <summary>Audit entries of one intake, counted on a running server (4 case events, the commands people ran).</summary>
    public const int IntakeRows = 13;

    /// <summary>Audit entries of one acceptance, counted on a running server.</summary>
    public const int CompletionRows = 21;

    private const string Row = "(@now, 'intake', 'CaseEvent', @case, 'StatusChanged', '投诉人姓名及联系方式、被投诉人名称及地址、具体请求及事实已在登记时核验', @now)";

    /// <summary>
    /// The entries as one multi-row INSERT, as the server writes a save's audit entries (its AppendOnlyRowsInterceptor):
    /// a baseline writing them one statement each would be a lower ceiling than the server's own design.
    /// </summary>
    public static void Entries(RawStatements sql, int count, object caseId, long now)
    {
        ArgumentNullException.ThrowIfNull(sql);
        sql.Execute(
            $"""
            INSERT INTO "AuditEntries" ("At", "Actor", "Action", "CaseId", "Subject", "Details", "WrittenAt")
            VALUES {string.Join(", ", Enumerable.Repeat(Row, count))}
            """,
            ("@case", caseId), ("@now", now));
    }
}
