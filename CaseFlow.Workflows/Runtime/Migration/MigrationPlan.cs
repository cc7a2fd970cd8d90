namespace CaseFlow.Workflows.Runtime.Migration;

/// <summary>
/// Everything a migration of one instance to another version of its process does, computed before anything changes.
/// </summary>
/// <remarks>
/// A dry run returns this plan; a real migration computes the same plan and applies exactly it, so an operator
/// who read the dry run knows what will happen. When <see cref="Refusals"/> is not empty nothing is applied.
/// </remarks>
/// <param name="InstanceId">The instance.</param>
/// <param name="ProcessKey">Its process.</param>
/// <param name="FromVersion">The version it runs on.</param>
/// <param name="ToVersion">The version it would run on.</param>
/// <param name="Tokens">Per token: element from → to, or why it is refused.</param>
/// <param name="Bookmarks">Per open bookmark: kept, recreated or withdrawn.</param>
/// <param name="Refusals">Why the instance cannot be migrated (unmappable tokens, joins waiting on flows the target lacks).</param>
/// <param name="Notes">What the operator should know but does not block the migration (e.g. boundary events new in the target).</param>
public sealed record MigrationPlan(
    Guid InstanceId,
    string ProcessKey,
    int FromVersion,
    int ToVersion,
    IReadOnlyList<TokenMigration> Tokens,
    IReadOnlyList<BookmarkMigration> Bookmarks,
    IReadOnlyList<string> Refusals,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every token has a counterpart, so the migration can be applied.</summary>
    public bool CanMigrate => Refusals.Count == 0;
}
