using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Hosting;

/// <summary><c>CaseFlow:Database</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (the embedded default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// SQLite only: saves that arrive while another is writing join its transaction and share one commit
    /// (<see cref="Persistence.SqliteGroupCommit"/>). Off: every save commits on its own.
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// SQLite only: <c>Full</c> (the default: every commit is flushed to the disk before it returns, so none is lost to a
    /// power cut; with group commit one flush serves the whole group) or <c>Normal</c> (a commit survives a crash of the
    /// process, and the last commits may be lost to a power cut).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "Full";

    /// <summary>SQLite only: at most this many saves share one commit (each waits for the whole group to be written).</summary>
    [Range(1, 1000)]
    public int GroupCommitMaxSaves { get; set; } = 16;
}
