namespace CaseFlow.Workflows.Runtime.Migration;

/// <summary>Where one token goes in the target version, or why it cannot go anywhere.</summary>
/// <param name="TokenId">The token.</param>
/// <param name="FromElementId">Its element in the source version.</param>
/// <param name="ToElementId">Its element in the target version; null when refused.</param>
/// <param name="Refusal">Why the token has no counterpart; null when it can be migrated.</param>
public sealed record TokenMigration(Guid TokenId, string FromElementId, string? ToElementId, string? Refusal);
