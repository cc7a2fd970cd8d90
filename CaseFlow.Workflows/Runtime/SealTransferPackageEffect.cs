namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// Seal the case's transfer package: the server checks the tagged documents, writes a manifest with the SHA-256 of
/// each, and stores it as case document <paramref name="DocumentId"/> of kind <c>transfer-package</c> in the same
/// transaction. A missing required item refuses the whole command.
/// </summary>
/// <param name="ElementId">The service task that asked for it.</param>
/// <param name="DocumentId">The id the manifest document gets (also set as a process variable).</param>
/// <param name="RequiredItems">Transfer item codes (see <see cref="Cases.TransferItems"/>) the package must contain.</param>
public sealed record SealTransferPackageEffect(string ElementId, Guid DocumentId, IReadOnlyList<string> RequiredItems)
    : WorkflowEffect(ElementId);
