namespace CaseFlow.Forms;

/// <summary>What a completion is checked against besides the schema: the directory and the case's documents.</summary>
/// <param name="Offices">Office ids of the directory (null: not checked).</param>
/// <param name="Users">Active user names (null: not checked).</param>
/// <param name="Documents">Ids of the case's documents (null: not checked).</param>
public sealed record FormCheckContext(IReadOnlySet<string>? Offices, IReadOnlySet<string>? Users, IReadOnlySet<string>? Documents)
{
    /// <summary>No directory or documents to check against.</summary>
    public static readonly FormCheckContext None = new(null, null, null);
}
