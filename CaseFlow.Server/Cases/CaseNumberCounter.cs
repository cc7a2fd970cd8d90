using System.Data;
using System.Globalization;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Takes the next value of a named counter in one atomic statement, so concurrent intakes (threads or nodes) never get
/// the same case number. Reading the counter, adding one and saving it with the case let two intakes read the same value;
/// under load the loser's retries kept losing and the intake failed with a 500.
/// </summary>
/// <remarks>
/// The statement runs in the caller's transaction when there is one, otherwise on its own. On its own it commits at once,
/// so a case whose save then fails leaves a gap in the numbers: numbers are unique and increasing, not gapless. Holding a
/// transaction from the number to the case's save would close the gaps but serialise every intake behind the counter.
/// </remarks>
internal static class CaseNumberCounter
{
    // An upsert with RETURNING: SQLite 3.35+ and PostgreSQL both run it as written (quoted identifiers, @ parameters).
    private const string NextValueSql = """
        INSERT INTO "Counters" ("Name", "Value") VALUES (@name, 1)
        ON CONFLICT ("Name") DO UPDATE SET "Value" = "Counters"."Value" + 1
        RETURNING "Value"
        """;

    public static async Task<long> NextAsync(CaseFlowDbContext db, string name, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = NextValueSql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
            // On its own on SQLite the statement is a write transaction: it queues at the file's write gate like a save.
            var gate = command.Transaction is null && db.Database.IsSqlite() ? SqliteWriteGate.For(connection) : null;
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
            }

            try
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            finally
            {
                gate?.Release();
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
