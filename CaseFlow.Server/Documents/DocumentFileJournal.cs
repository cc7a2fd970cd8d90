using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Documents;

/// <summary>
/// Keeps document files and their rows together: a file put in place during a unit of work stays only if that unit's
/// SaveChanges succeeds. A failed save (including a concurrency conflict the command runner re-runs) or a unit of work
/// abandoned by an exception deletes it, so no file is left without its row.
/// </summary>
public sealed class DocumentFileJournal : IDisposable
{
    private readonly CaseFlowDbContext db;
    private readonly List<string> pending = [];

    public DocumentFileJournal(CaseFlowDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        this.db = db;
        db.SavedChanges += OnSaved;
        db.SaveChangesFailed += OnFailed;
    }

    /// <summary>A file written for rows not yet saved.</summary>
    public void Track(string path)
    {
        lock (pending)
        {
            pending.Add(path);
        }
    }

    public void Dispose()
    {
        db.SavedChanges -= OnSaved;
        db.SaveChangesFailed -= OnFailed;
        DeletePending();
    }

    private void OnSaved(object? sender, SavedChangesEventArgs e)
    {
        lock (pending)
        {
            pending.Clear();
        }
    }

    private void OnFailed(object? sender, SaveChangesFailedEventArgs e) => DeletePending();

    private void DeletePending()
    {
        lock (pending)
        {
            foreach (var path in pending)
            {
                DocumentStorage.DeleteQuietly(path);
            }

            pending.Clear();
        }
    }
}
