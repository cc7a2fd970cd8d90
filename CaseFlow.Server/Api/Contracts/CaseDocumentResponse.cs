namespace CaseFlow.Server.Api.Contracts;

/// <summary>A case document as listed: what it is, its size, the type found in its content and its SHA-256.</summary>
public sealed record CaseDocumentResponse(
    Guid Id,
    Guid CaseId,
    string FileName,
    string Kind,
    string? Title,
    string? TransferItem,
    string? TransferItemName,
    long Size,
    string ContentType,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt);
