namespace CaseFlow.Workflows.Runtime.Migration;

/// <summary>What happens to one open bookmark (task, timer, message subscription).</summary>
/// <param name="BookmarkId">The bookmark (for a task: the task id).</param>
/// <param name="Kind">What it waits for.</param>
/// <param name="FromElementId">Its element in the source version.</param>
/// <param name="ToElementId">Its element in the target version; null when withdrawn.</param>
/// <param name="Action">Kept, recreated or withdrawn.</param>
/// <param name="Details">What stays or changes, for the operator (e.g. the due instant a timer keeps).</param>
public sealed record BookmarkMigration(Guid BookmarkId, BookmarkKind Kind, string FromElementId, string? ToElementId, MigrationAction Action, string Details);
