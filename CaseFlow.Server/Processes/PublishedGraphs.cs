using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Bpmn;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Processes;

/// <summary>
/// The parsed graph of a published process version, its BPMN (tens of KB) read from the database only when the cache does
/// not hold the graph yet: published versions never change, so the key and number are enough to find it.
/// </summary>
internal static class PublishedGraphs
{
    public static ProcessGraph GetOrLoad(this IProcessGraphCache graphs, CaseFlowDbContext db, string processKey, int version) =>
        graphs.GetOrParse(processKey, version, () => ReadXml(db, processKey, version));

    /// <summary>The stored BPMN of one published version (it must exist).</summary>
    public static string ReadXml(CaseFlowDbContext db, string processKey, int version) =>
        db.ProcessVersions.AsNoTracking().Where(p => p.ProcessKey == processKey && p.Version == version).Select(p => p.Xml).Single();
}
