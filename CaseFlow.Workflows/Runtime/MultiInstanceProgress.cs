using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Where a running multi-instance user task stands; stored with the instance, so it survives a restart.</summary>
public sealed class MultiInstanceProgress
{
    /// <summary>How many instances the step has (<c>nrOfInstances</c>).</summary>
    public int Total { get; set; }

    /// <summary>How many were completed (<c>nrOfCompletedInstances</c>).</summary>
    public int Completed { get; set; }

    /// <summary>The next instance to open (sequential tasks open one at a time).</summary>
    public int Next { get; set; }

    /// <summary>The collection's items, one per instance; null when the count came from <c>loopCardinality</c>.</summary>
    public JsonArray? Items { get; set; }

    /// <summary>One entry per completed instance: <c>loopCounter</c>, <c>item</c>, <c>completedBy</c>, <c>outcome</c>, <c>variables</c>.</summary>
    public JsonArray Results { get; set; } = [];
}
