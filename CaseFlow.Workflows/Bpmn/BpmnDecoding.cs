namespace CaseFlow.Workflows.Bpmn;

/// <summary>The text of an uploaded BPMN file, decoded as an XML processor would, or why it could not be.</summary>
/// <param name="Text">
/// The document as text, with its XML declaration saying <c>UTF-8</c> (the form CaseFlow stores and serves back);
/// null when the bytes could not be decoded.
/// </param>
/// <param name="SourceEncoding">The encoding the bytes were read in (e.g. <c>utf-8</c>, <c>gb18030</c>, <c>utf-16LE</c>).</param>
/// <param name="Error">Why the bytes could not be read, naming the line; null on success.</param>
public sealed record BpmnDecoding(string? Text, string SourceEncoding, ValidationError? Error)
{
    /// <summary>True when the bytes were decoded.</summary>
    public bool Succeeded => Text is not null;

    /// <summary>True when the stored text differs from the upload's bytes only because it was re-encoded as UTF-8.</summary>
    public bool Reencoded { get; init; }
}
