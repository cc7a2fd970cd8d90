using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Commands;

/// <summary>Starting several instances as one transaction.</summary>
public sealed partial class WorkflowCommandRunner
{
    /// <summary>
    /// One instance to start: the published version (its key and number, and its BPMN read only if the parsed graph is not
    /// cached yet: the XML is tens of kilobytes, and reading it on every intake was a large share of the intake's allocations),
    /// the request and the case it runs for.
    /// </summary>
    public sealed record InstanceStart(PublishedVersionRef Version, StartInstanceRequest Request, Guid? CaseId);

    /// <summary>A published process version by key and number, with a way to read its BPMN when the parsed graph is not cached.</summary>
    public sealed record PublishedVersionRef(string ProcessKey, int Version, Func<string> Xml);

    /// <summary>
    /// Starts every instance in <paramref name="starts"/> and commits them with the rows <paramref name="beforeSave"/>
    /// adds in one SaveChanges: a mixed submission's complaint and report exist together or not at all (O121 Art. 9).
    /// </summary>
    public async Task StartManyAsync(IReadOnlyList<InstanceStart> starts, Func<CaseFlowDbContext, Task>? beforeSave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(starts);
        if (beforeSave is not null)
        {
            await beforeSave(db);
        }

        var now = clock.GetUtcNow();
        var written = new List<(Guid InstanceId, ExecutionResult Result)>();
        var tree = new InstanceTreeWriter(db, engine, graphs, clock, deadlines, transferPackages, letters, logger);
        foreach (var start in starts)
        {
            var graph = graphs.GetOrParse(start.Version.ProcessKey, start.Version.Version, start.Version.Xml);
            var stored = new StoredInstance
            {
                Id = start.Request.InstanceId,
                ProcessKey = start.Version.ProcessKey,
                ProcessVersion = start.Version.Version,
                BusinessKey = start.Request.BusinessKey,
                CaseId = start.CaseId,
                StateJson = "",
                CreatedAt = now,
            };
            db.Instances.Add(stored);
            written.Add((stored.Id, await tree.WriteAsync(stored, graph, engine.Start(graph, start.Request), start.Request.Actor, cancellationToken)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync(written, cancellationToken);
        await AfterCommitAsync(tree.Related, cancellationToken);
    }
}
