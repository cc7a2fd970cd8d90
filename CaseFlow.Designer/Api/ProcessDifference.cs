namespace CaseFlow.Designer.Api;

/// <summary>One element in a comparison of two process versions (wwwroot/js/compare.js); a flow has its route by names.</summary>
public sealed record DiffItem(string Id, string Type, string Name, string? Route, IReadOnlyList<string>? Details);

/// <summary>What differs between two versions of a process.</summary>
public sealed record Difference(IReadOnlyList<DiffItem> Added, IReadOnlyList<DiffItem> Removed, IReadOnlyList<DiffItem> Changed)
{
    public int Count => Added.Count + Removed.Count + Changed.Count;
}
