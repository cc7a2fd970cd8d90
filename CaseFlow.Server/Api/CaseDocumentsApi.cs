using System.Globalization;
using System.Security.Claims;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Documents;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Cases;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Api;

/// <summary><c>/api/cases/{id}/documents</c>: evidence and letters attached to a case, type-checked by content and hashed.</summary>
public static class CaseDocumentsApi
{
    /// <summary>Room for the multipart boundaries and text fields around the file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapCaseDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/documents").WithTags("Case documents").RequireAuthorization();
        group.MapPost("/", UploadAsync)
            .WithSummary("Uploads one file (multipart field 'file') with 'kind' (evidence|letter|other), optional 'title' and 'transferItem'.");
        group.MapGet("/", ListAsync).WithSummary("The case's documents, oldest first, with size, content type and SHA-256.");
        group.MapGet("/{documentId:guid}/content", DownloadAsync).WithSummary("The document's bytes as stored.");
        return app;
    }

    private static async Task<IResult> UploadAsync(
        Guid id,
        HttpContext http,
        CaseFlowDbContext db,
        DocumentStorage storage,
        DocumentFileJournal journal,
        IOptions<DocumentOptions> options,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CaseAccess access,
        CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return ApiProblems.NotFound($"Case {id} does not exist.");
        }

        var maxBytes = options.Value.MaxBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + FormOverheadBytes;
        }

        var form = await DocumentUploadForm.ReadAsync(http.Request, storage, maxBytes, cancellationToken);
        try
        {
            if (form.File is { TooLarge: true })
            {
                return TypedResults.Problem(
                    $"The file is larger than the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes (CaseFlow:Documents:MaxBytes).",
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Too large",
                    extensions: new Dictionary<string, object?> { ["field"] = "file", ["maxBytes"] = maxBytes });
            }

            var errors = Validate(form);
            if (errors.Count > 0)
            {
                return ApiProblems.Validation(errors);
            }

            var file = form.File!;
            var now = clock.GetUtcNow();
            var document = new StoredCaseDocument
            {
                Id = Guid.CreateVersion7(now),
                CaseId = id,
                FileName = SafeFileName.ForContent(SafeFileName.From(form.ClientFileName), file.DetectedType!),
                Kind = form.Fields["kind"].Trim(),
                Title = form.Fields.GetValueOrDefault("title")?.Trim() is { Length: > 0 } title ? title : null,
                TransferItem = form.Fields.GetValueOrDefault("transferItem")?.Trim() is { Length: > 0 } item ? item : null,
                Size = file.Size,
                ContentType = file.DetectedType!,
                Sha256 = file.Sha256,
                UploadedBy = CurrentUser.From(principal).UserName,
                UploadedAt = now,
            };
            journal.Track(storage.Commit(file.TempPath, id, document.Id));
            db.CaseDocuments.Add(document);
            db.CaseEvents.Add(new StoredCaseEvent
            {
                CaseId = id,
                At = now,
                Actor = document.UploadedBy,
                Event = "DocumentUploaded",
                Details = $"{document.Kind}{(document.TransferItem is null ? "" : "（" + TransferItems.NameZh(document.TransferItem) + "）")}：{document.FileName}，{document.Size} 字节，SHA-256 {document.Sha256}",
            });
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/cases/{id}/documents/{document.Id}/content", View(document));
        }
        finally
        {
            DocumentStorage.DeleteQuietly(form.File?.TempPath); // already moved when stored; otherwise the refused upload goes
        }
    }

    private static Dictionary<string, string[]> Validate(DocumentUploadForm form)
    {
        var errors = new Dictionary<string, string[]>(form.Errors, StringComparer.Ordinal);
        if (form.File is null)
        {
            errors.TryAdd("file", ["A file is required in the multipart field 'file'."]);
        }
        else if (form.File.Size == 0)
        {
            errors.TryAdd("file", ["The file is empty."]);
        }
        else if (form.File.DetectedType is null)
        {
            errors.TryAdd("file", [$"The file's content is not an allowed type: {ContentSniffer.AllowedList}. The type is read from the content, not the file name."]);
        }
        else if (!ContentSniffer.Agrees(form.DeclaredContentType, form.File.DetectedType))
        {
            errors.TryAdd("file", [$"The declared content type '{form.DeclaredContentType}' does not match the content, which is {form.File.DetectedType}."]);
        }

        if (SafeFileName.HasHiddenCharacters(form.ClientFileName))
        {
            errors.TryAdd("file", ["文件名含有控制字符或不可见的排版字符（如从右向左覆盖 U+202E），请重命名后上传。 The file name contains control or invisible formatting characters (such as a right-to-left override); rename the file."]);
        }

        var kind = form.Fields.GetValueOrDefault("kind")?.Trim();
        if (kind == DocumentKinds.TransferPackage)
        {
            errors.TryAdd("kind", ["transfer-package documents are made by sealing a transfer to the police, not uploaded."]);
        }
        else if (!DocumentKinds.Uploadable.Contains(kind))
        {
            errors.TryAdd("kind", [$"kind is required and must be one of: {string.Join(", ", DocumentKinds.Uploadable)}."]);
        }

        if (form.Fields.GetValueOrDefault("title")?.Trim() is { Length: > 200 })
        {
            errors.TryAdd("title", ["title is at most 200 characters."]);
        }

        if (form.Fields.GetValueOrDefault("transferItem")?.Trim() is { Length: > 0 } item && !TransferItems.IsKnown(item))
        {
            errors.TryAdd("transferItem", [$"transferItem must be one of: {string.Join(", ", TransferItems.All.Select(i => i.Code))}."]);
        }

        return errors;
    }

    private static async Task<IResult> ListAsync(Guid id, CaseFlowDbContext db, ClaimsPrincipal principal, CaseAccess access, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return ApiProblems.NotFound($"Case {id} does not exist.");
        }

        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(documents.Select(View).ToList());
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid documentId, HttpContext http, CaseFlowDbContext db, DocumentStorage storage, ClaimsPrincipal principal, CaseAccess access, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return ApiProblems.NotFound($"Case {id} does not exist.");
        }

        // Looked up by case and id together: another case's document id is simply not found here.
        var document = await db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.CaseId == id && d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return ApiProblems.NotFound($"Case {id} has no document {documentId}.");
        }

        var path = storage.PathOf(id, documentId);
        if (!File.Exists(path))
        {
            return TypedResults.Problem($"The stored file of document {documentId} is missing; restore it from the backup of the data directory.",
                statusCode: StatusCodes.Status500InternalServerError, title: "File missing");
        }

        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers["X-Content-SHA256"] = document.Sha256;
        return TypedResults.PhysicalFile(path, document.ContentType, SafeFileName.ForContent(document.FileName, document.ContentType), entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{document.Sha256}\""));
    }

    private static CaseDocumentResponse View(StoredCaseDocument d) => new(
        d.Id, d.CaseId, d.FileName, d.Kind, d.Title, d.TransferItem, d.TransferItem is null ? null : TransferItems.NameZh(d.TransferItem),
        d.Size, d.ContentType, d.Sha256, d.UploadedBy, d.UploadedAt);
}
