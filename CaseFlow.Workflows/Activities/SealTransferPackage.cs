using System.Text.Json.Nodes;
using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>
/// Seals the documents of a transfer to the police (Order 310 Art. 6) into a manifest with the SHA-256 of every file,
/// stored as a case document of kind <c>transfer-package</c>; its id goes to variable <c>transferPackageDocumentId</c>.
/// </summary>
/// <remarks>The engine does no I/O, so the server does the sealing in the command's transaction and refuses the command when an item is missing.</remarks>
[Activity("Case", "封存移送材料", "Seals the case documents tagged as transfer items into a manifest with SHA-256 hashes (Order 310 Art. 6); refuses when a required item is missing.",
    DisplayNameEn = "Seal transfer package", DescriptionZh = "将标记为移送材料的案件文书封存为带 SHA-256 校验值的移送材料清单；缺少必备材料时拒绝。")]
public sealed class SealTransferPackage : IActivity
{
    /// <summary>The variable that receives the manifest document's id.</summary>
    public const string DocumentVariable = "transferPackageDocumentId";

    [ActivityInput("Comma list of required transfer items (transfer-letter, investigation-report, goods-list, test-report, other-material); empty = the first four.", DisplayNameZh = "必备材料")]
    public string? RequiredItems { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var required = string.IsNullOrWhiteSpace(RequiredItems)
            ? TransferItems.RequiredByDefault
            : [.. RequiredItems.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
        if (required.FirstOrDefault(code => !TransferItems.IsKnown(code)) is { } unknown)
        {
            throw new ActivityInputException($"'{unknown}' is not a transfer item; use {string.Join(", ", TransferItems.All.Select(i => i.Code))}.");
        }

        var documentId = Guid.NewGuid();
        context.AddEffect(new SealTransferPackageEffect(context.ElementId, documentId, required));
        context.SetVariable(DocumentVariable, JsonValue.Create(documentId.ToString()));
    }
}
