using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// Raw ADO.NET on the server's own database (stopped by then), SQLite or PostgreSQL: one pooled connection and one
/// transaction per operation, statements with parameters, ids and instants in the server's own formats (see
/// <see cref="DriverDatabase"/>), identifiers quoted so one text runs on both providers.
/// </summary>
/// <remarks>
/// An honest ceiling for the server's rows, not a slower twin (issue 23):
/// <list type="bullet">
/// <item>On SQLite, operations run concurrently on the thread pool (Microsoft.Data.Sqlite's async methods complete
/// synchronously, so awaiting them in the open loop ran one operation at a time whatever <c>--concurrency</c> said) and
/// queue for the file's one writer at an in-process async gate, as the server's saves do at its SqliteWriteGate; each
/// connection commits with <c>synchronous=NORMAL</c>, the server's setting.</item>
/// <item>On PostgreSQL an operation's statements go in one <c>NpgsqlBatch</c> (one round trip, as EF Core batches
/// a save), then COMMIT; the server's round trips are its own cost.</item>
/// </list>
/// </remarks>
internal abstract class RawWriter(DriverDatabase database)
{
    protected static readonly long Now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero).UtcTicks;

    // One writer per SQLite file; one baseline runs per process, so one gate per process.
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    protected DriverDatabase Database { get; } = database;

    /// <summary>Writes the rows of operation <paramref name="index"/> in one transaction.</summary>
    public Task RunAsync(int index) => Database.IsPostgres ? WriteOnceAsync(index) : Task.Run(() => WriteOnSqliteAsync(index));

    /// <summary>Anything the operation needs outside its transaction (e.g. a block of case numbers), before it starts.</summary>
    protected virtual Task BeforeAsync(int index) => Task.CompletedTask;

    protected abstract void Write(RawStatements sql, int index);

    protected object Id(Guid id) => Database.Id(id);

    /// <summary>Runs <paramref name="work"/> as SQLite's one writer (in-process gate; a no-op on PostgreSQL).</summary>
    protected async Task<T> AsWriterAsync<T>(Func<Task<T>> work)
    {
        if (Database.IsPostgres)
        {
            return await work();
        }

        await SqliteWriter.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            SqliteWriter.Release();
        }
    }

    private async Task WriteOnSqliteAsync(int index)
    {
        await BeforeAsync(index);
        await AsWriterAsync(async () =>
        {
            await WriteOnceAsync(index, before: false);
            return 0;
        });
    }

    private async Task WriteOnceAsync(int index) => await WriteOnceAsync(index, before: true);

    private async Task WriteOnceAsync(int index, bool before)
    {
        if (before)
        {
            await BeforeAsync(index);
        }

        await using var connection = await Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var sql = new RawStatements();
        Write(sql, index);
        await sql.RunAsync(connection, transaction);
        await transaction.CommitAsync();
    }
}
