using System.Collections.Concurrent;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Thread-safe cache of parsed graphs keyed by (process key, version).</summary>
/// <remarks>
/// Published versions never change, so entries never need invalidating. Two threads may race to parse the
/// same version on first use; parsing is pure, so the loser's graph is simply dropped.
/// </remarks>
public sealed class ProcessGraphCache(IBpmnParser parser) : IProcessGraphCache
{
    private readonly ConcurrentDictionary<(string Key, int Version), ProcessGraph> _graphs = new();

    /// <inheritdoc />
    public ProcessGraph GetOrParse(string processKey, int version, Func<string> xml)
    {
        ArgumentNullException.ThrowIfNull(processKey);
        ArgumentNullException.ThrowIfNull(xml);
        if (_graphs.TryGetValue((processKey, version), out var cached))
        {
            return cached;
        }

        var result = parser.Parse(xml());
        if (!result.IsValid)
        {
            var problems = string.Join(" ", result.Errors.Select(e => $"[{e.ElementId}] {e.Message}"));
            throw new InvalidOperationException($"Process '{processKey}' version {version} is not valid: {problems}");
        }

        return _graphs.GetOrAdd((processKey, version), result.Graph!.WithVersion(version, processKey));
    }

    /// <summary>How many graphs are cached (for diagnostics and tests).</summary>
    public int Count => _graphs.Count;
}
