using System.Text.Json.Nodes;

namespace CaseFlow.Forms;

/// <summary>
/// A user task's form: the form-js schema as the legal officer wrote it, and the input fields CaseFlow enforces at
/// completion. Built by <see cref="FormSchemaReader"/>; immutable.
/// </summary>
public sealed class FormSchema
{
    private readonly string _json;
    private readonly Dictionary<string, FormField> _byKey;

    internal FormSchema(string json, IReadOnlyList<FormField> fields, FormField? outcomeField)
    {
        _json = json;
        Fields = fields;
        OutcomeField = outcomeField;
        _byKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
    }

    /// <summary>The input fields (every component with a <c>key</c> but the outcome choice), in form order.</summary>
    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>The component with key <c>outcome</c>, when the form draws the outcome choice itself (its labels name the outcomes).</summary>
    public FormField? OutcomeField { get; }

    /// <summary>The field writing <paramref name="key"/>, or null when the form does not declare it.</summary>
    public FormField? Field(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The label of an outcome from the form's outcome component, or the outcome itself.</summary>
    public string OutcomeLabel(string outcome) =>
        OutcomeField?.Options.FirstOrDefault(o => o.Value == outcome)?.Label ?? outcome;

    /// <summary>The schema as written, a fresh copy (callers may change it).</summary>
    public JsonObject ToJson() => JsonNode.Parse(_json)!.AsObject();

    /// <summary>
    /// The schema for a handler: labels and help in <paramref name="language"/> (<c>zh</c> or <c>en</c>; the Chinese
    /// text stays where no English is given) and directory pickers' <c>values</c> filled from <paramref name="directory"/>,
    /// so any form-js viewer can render it as it is.
    /// </summary>
    public JsonObject Localized(string language, Func<string, IReadOnlyList<FormOption>>? directory = null)
    {
        var schema = ToJson();
        Localize(schema["components"] as JsonArray, language, directory);
        return schema;
    }

    private static void Localize(JsonArray? components, string language, Func<string, IReadOnlyList<FormOption>>? directory)
    {
        foreach (var component in (components ?? []).OfType<JsonObject>())
        {
            var properties = component["properties"] as JsonObject;
            if (language == "en")
            {
                if (Text(properties, FormExtensions.LabelEn) is { } label)
                {
                    component["label"] = label;
                }

                if (Text(properties, FormExtensions.DescriptionEn) is { } description)
                {
                    component["description"] = description;
                }
            }

            if (directory is not null && Text(properties, FormExtensions.Directory) is { } kind)
            {
                component["values"] = new JsonArray([.. directory(kind).Select(o => new JsonObject { ["label"] = o.Label, ["value"] = o.Value })]);
            }

            Localize(component["components"] as JsonArray, language, directory);
        }
    }

    private static string? Text(JsonObject? properties, string name) =>
        properties?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
