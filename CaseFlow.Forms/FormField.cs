using System.Text.Json.Nodes;

namespace CaseFlow.Forms;

/// <summary>One input of a task form (a form-js component with a <c>key</c>), as CaseFlow enforces it.</summary>
public sealed record FormField
{
    /// <summary>The process variable the field writes (form-js <c>key</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The form-js type: textfield, textarea, number, datetime, select, radio, checklist, checkbox, taglist.</summary>
    public required string Type { get; init; }

    /// <summary>The form-js component id (or the key when the component has none), to point at it in errors.</summary>
    public required string ComponentId { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public string? LabelEn { get; init; }

    public string? DescriptionEn { get; init; }

    /// <summary>form-js <c>validate.required</c>.</summary>
    public bool Required { get; init; }

    /// <summary><c>caseflow:requiredFor</c>: required only for these outcomes; null when not set.</summary>
    public IReadOnlyList<string>? RequiredFor { get; init; }

    /// <summary>Static options (<c>values</c>); empty for free input and directory pickers.</summary>
    public IReadOnlyList<FormOption> Options { get; init; } = [];

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>A .NET-compatible regular expression the whole text must match (form-js <c>validate.pattern</c>).</summary>
    public string? Pattern { get; init; }

    /// <summary>form-js <c>validate.validationType</c>: <c>email</c> or <c>phone</c>.</summary>
    public string? ValidationType { get; init; }

    /// <summary>form-js number <c>decimalDigits</c> (2 for money).</summary>
    public int? DecimalDigits { get; init; }

    /// <summary>datetime <c>subtype</c>: date, time or datetime.</summary>
    public string? Subtype { get; init; }

    /// <summary>form-js <c>conditional.hide</c>: the field is hidden (not required, its value not taken) while true.</summary>
    public FeelCondition? Hide { get; init; }

    public JsonNode? DefaultValue { get; init; }

    /// <summary><c>caseflow:money</c> = yuan.</summary>
    public bool Money { get; init; }

    /// <summary><c>caseflow:directory</c>: office or user.</summary>
    public string? Directory { get; init; }

    /// <summary><c>caseflow:document</c> = case.</summary>
    public bool Document { get; init; }

    /// <summary><c>caseflow:legalBasis</c>.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>True when the field must have a value for <paramref name="outcome"/> (when it is shown).</summary>
    public bool IsRequiredFor(string? outcome) =>
        RequiredFor is { } outcomes ? outcome is not null && outcomes.Contains(outcome, StringComparer.Ordinal) : Required;

    /// <summary>The label in the UI language, falling back to the Chinese label, then the key.</summary>
    public string LabelIn(string language) =>
        (language == "en" ? LabelEn ?? Label : Label) is { Length: > 0 } label ? label : Key;
}
