namespace CaseFlow.Server.Persistence;

/// <summary>The database behind CaseFlow, from <c>CaseFlow:Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file under the data directory, one node.</summary>
    Sqlite,

    /// <summary>The production and multi-node database (<c>ConnectionStrings:CaseFlow</c> required).</summary>
    Postgres,
}
