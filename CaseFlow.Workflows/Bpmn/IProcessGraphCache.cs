namespace CaseFlow.Workflows.Bpmn;

/// <summary>Caches parsed graphs by (process key, version): published versions are immutable.</summary>
public interface IProcessGraphCache
{
    /// <summary>Returns the cached graph, parsing <paramref name="xml"/> on first use.</summary>
    /// <exception cref="InvalidOperationException">The stored definition is invalid (it should never have been published).</exception>
    ProcessGraph GetOrParse(string processKey, int version, Func<string> xml);
}
