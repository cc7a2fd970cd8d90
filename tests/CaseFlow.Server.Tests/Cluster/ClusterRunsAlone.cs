namespace CaseFlow.Server.Tests.Cluster;

/// <summary>
/// The cluster tests time fail-over in seconds across several server processes; they run alone, after the parallel
/// tests, so the other test classes' servers do not eat the two cores they are timed on.
/// </summary>
[CollectionDefinition(nameof(ClusterRunsAlone), DisableParallelization = true)]
public sealed class ClusterRunsAlone;
