using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Bpmn;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Processes;

/// <summary>
/// "Does the called process exist": the parser cannot know which processes are published, so the server checks
/// every call activity's <c>calledElement</c> (and pinned <c>caseflow:version</c>) at draft validation and publishing.
/// </summary>
public static class CalledProcessCheck
{
    /// <summary>The latest published version of every process key.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> LatestVersionsAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.ProcessVersions.AsNoTracking()
            .GroupBy(p => p.ProcessKey)
            .Select(g => new { Key = g.Key, Version = g.Max(p => p.Version) })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(l => l.Key, l => l.Version, StringComparer.Ordinal);
    }

    /// <summary><paramref name="published"/> plus every process <paramref name="graph"/> calls without pinning a version, as if it were published.</summary>
    public static IReadOnlyDictionary<string, int> AssumingPublished(IReadOnlyDictionary<string, int> published, ProcessGraph graph)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(graph);
        var assumed = new Dictionary<string, int>(published, StringComparer.Ordinal);
        foreach (var call in graph.CalledProcesses.Where(c => c.ProcessKey.Length > 0 && c.Version is null))
        {
            assumed.TryAdd(call.ProcessKey, 0);
        }

        return assumed;
    }

    /// <summary>One error per call activity whose process (or pinned version) is not published; a process may call itself.</summary>
    public static IEnumerable<ValidationError> Check(string key, ProcessGraph graph, IReadOnlyDictionary<string, int> published)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(published);
        foreach (var call in graph.CalledProcesses.Where(c => c.ProcessKey.Length > 0))
        {
            var latest = published.TryGetValue(call.ProcessKey, out var v) ? v : (int?)null;
            if (call.ProcessKey == key && call.Version is null)
            {
                continue;
            }

            if (latest is null)
            {
                yield return new ValidationError(call.ElementId,
                    $"Call activity '{call.ElementId}' calls the process '{call.ProcessKey}', which is not published. Publish it first, or correct calledElement.")
                {
                    MessageZh = $"调用活动“{call.ElementId}”调用的流程“{call.ProcessKey}”尚未发布。请先发布它，或更正 calledElement。",
                };
            }
            else if (call.Version > latest)
            {
                yield return new ValidationError(call.ElementId,
                    $"Call activity '{call.ElementId}' pins version {call.Version} of '{call.ProcessKey}', but its latest published version is {latest}.")
                {
                    MessageZh = $"调用活动“{call.ElementId}”固定调用“{call.ProcessKey}”的第 {call.Version} 版，但其最新发布版本为第 {latest} 版。",
                };
            }
        }
    }
}
