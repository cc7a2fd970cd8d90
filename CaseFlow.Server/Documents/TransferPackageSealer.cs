using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Security.Cryptography;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Documents;

/// <summary>
/// Seals a transfer to the police (Order 310 Art. 6): checks that the case has a document tagged for every required
/// item and that every tagged file still has its recorded SHA-256, then stores a manifest (JSON with a Chinese list)
/// as a <c>transfer-package</c> document, in the unit of work of the command that reached the seal.
/// </summary>
public sealed class TransferPackageSealer(CaseFlowDbContext db, DocumentStorage storage, DocumentFileJournal journal)
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep the Chinese readable in the file
    };

    /// <exception cref="TransferPackageRefusedException">An item is missing or a file does not match its hash; nothing is written.</exception>
    public async Task SealAsync(StoredCase storedCase, SealTransferPackageEffect effect, string? actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedCase);
        ArgumentNullException.ThrowIfNull(effect);
        var documents = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.CaseId == storedCase.Id && d.TransferItem != null && d.Kind != DocumentKinds.TransferPackage)
            .ToListAsync(cancellationToken);
        var missing = effect.RequiredItems.Where(item => documents.All(d => d.TransferItem != item)).ToList();
        if (missing.Count > 0)
        {
            throw new TransferPackageRefusedException(
                $"移送材料不全，无法封存：缺少{string.Join("、", missing.Select(TransferItems.NameZh))}（《行政执法机关移送涉嫌犯罪案件的规定》第六条）。" +
                $"The transfer package of case {storedCase.Number} cannot be sealed: no document is tagged as {string.Join(", ", missing)}. Upload it with transferItem set, then complete the task again.");
        }

        foreach (var document in documents)
        {
            if (await storage.HashAsync(storedCase.Id, document.Id, cancellationToken) != document.Sha256)
            {
                throw new TransferPackageRefusedException(
                    $"文书“{document.FileName}”的文件缺失或与登记的 SHA-256 不符，无法封存移送材料。" +
                    $"The file of document {document.Id} ({document.FileName}) is missing or no longer matches its recorded SHA-256; restore it before sealing.");
            }
        }

        var ordered = documents
            .OrderBy(d => TransferItems.All.Select(i => i.Code).ToList().IndexOf(d.TransferItem!))
            .ThenBy(d => d.UploadedAt)
            .ToList();
        var content = JsonSerializer.SerializeToUtf8Bytes(Manifest(storedCase, ordered, actor, now), ManifestJson);
        var path = await storage.WriteAsync(storedCase.Id, effect.DocumentId, content, cancellationToken);
        journal.Track(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        db.CaseDocuments.Add(new StoredCaseDocument
        {
            Id = effect.DocumentId,
            CaseId = storedCase.Id,
            FileName = $"移送材料清单-{storedCase.Number}.json",
            Kind = DocumentKinds.TransferPackage,
            Title = "涉嫌犯罪案件移送材料清单",
            Size = content.Length,
            ContentType = "application/json",
            Sha256 = hash,
            UploadedBy = actor ?? "system",
            UploadedAt = now,
        });
        db.CaseEvents.Add(new StoredCaseEvent
        {
            CaseId = storedCase.Id,
            At = now,
            Actor = actor ?? "system",
            Event = "TransferPackageSealed",
            Details = $"移送材料清单已封存：{ordered.Count} 份材料，清单文书 {effect.DocumentId}，SHA-256 {hash}",
        });
    }

    private static object Manifest(StoredCase storedCase, List<StoredCaseDocument> documents, string? actor, DateTimeOffset now) => new
    {
        title = "涉嫌犯罪案件移送材料清单",
        legalBasis = "《行政执法机关移送涉嫌犯罪案件的规定》第六条",
        caseId = storedCase.Id,
        caseNumber = storedCase.Number,
        sealedAt = now,
        sealedBy = actor ?? "system",
        hashAlgorithm = "SHA-256",
        items = documents.Select(d => new
        {
            item = d.TransferItem,
            itemName = TransferItems.NameZh(d.TransferItem!),
            documentId = d.Id,
            fileName = d.FileName,
            title = d.Title,
            contentType = d.ContentType,
            size = d.Size,
            sha256 = d.Sha256,
            uploadedBy = d.UploadedBy,
            uploadedAt = d.UploadedAt,
        }),
        listZh = documents.Select((d, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i + 1}. {TransferItems.NameZh(d.TransferItem!)}：{d.Title ?? d.FileName}（文件 {d.FileName}，{d.Size} 字节，SHA-256：{d.Sha256}）")),
    };
}
