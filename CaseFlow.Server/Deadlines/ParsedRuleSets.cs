using System.Collections.Concurrent;
using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Server.Deadlines;

/// <summary>Rule sets parsed from their stored JSON, remembered by that JSON text.</summary>
internal static class ParsedRuleSets
{
    // A handful of sets, each edited rarely; the bound only keeps a long-lived node from collecting every edit ever made.
    private const int MaxEntries = 64;

    private static readonly ConcurrentDictionary<string, DeadlineRuleSet> Parsed = new(StringComparer.Ordinal);

    public static DeadlineRuleSet Parse(string json)
    {
        if (Parsed.TryGetValue(json, out var set))
        {
            return set;
        }

        if (Parsed.Count >= MaxEntries)
        {
            Parsed.Clear();
        }

        return Parsed.GetOrAdd(json, DeadlineRuleSetJson.Deserialize);
    }
}
