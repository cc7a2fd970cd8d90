namespace CaseFlow.Forms;

/// <summary>One option of a select, radio, checklist or taglist (form-js <c>values</c>).</summary>
/// <param name="Value">What the completion carries.</param>
/// <param name="Label">What the handler reads (Chinese).</param>
public sealed record FormOption(string Value, string Label);
