using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Server.Api;

/// <summary>
/// Recognises failures of the infrastructure under a request (the database gone for a moment, a full disk) among the
/// exceptions that escape an endpoint, so the client gets an answer it can act on instead of a 500.
/// </summary>
/// <remarks>
/// Every command commits in one transaction, so a request that fails this way changed nothing, or (a connection lost
/// during COMMIT) committed completely; either way repeating it is safe for intake with the same Idempotency-Key, and a
/// repeated task completion answers 409 when the first one had committed.
/// </remarks>
internal static class InfrastructureFaults
{
    /// <summary>Seconds a client is told to wait before retrying after a database outage (the Retry-After header).</summary>
    public const int RetryAfterSeconds = 2;

    // Linux errno ENOSPC; Windows ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL in the low word of the HRESULT.
    private const int Enospc = 28;
    private const int WindowsDiskFull = 0x70;
    private const int WindowsHandleDiskFull = 0x27;
    private const int SqliteFull = 13; // SQLITE_FULL: the database file's disk is full

    /// <summary>True when the database could not be reached or dropped the connection: PostgreSQL restarting, failing over, refusing connections.</summary>
    public static bool IsDatabaseUnavailable(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException p => p.IsTransient || p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient,
        _ => false,
    });

    /// <summary>True when a write failed because the disk (of the document store or the SQLite file) is full.</summary>
    public static bool IsDiskFull(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteFull,
        IOException io => io.HResult == Enospc || (io.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull,
        _ => false,
    });

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
