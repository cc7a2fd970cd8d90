namespace CaseFlow.Server.Documents;

/// <summary>A file received into a temporary file: its size, SHA-256 and the type its content shows (null when not allowed).</summary>
public sealed record UploadedFile(string TempPath, long Size, string Sha256, string? DetectedType, bool TooLarge);
