using System.Text.Json.Nodes;

namespace CaseFlow.Server.Api.Contracts;

/// <summary>Preview a letter with a case's data, with explicit merge values, or both (the values win).</summary>
public sealed record LetterPreviewRequest(Guid? CaseId, JsonObject? Variables);
