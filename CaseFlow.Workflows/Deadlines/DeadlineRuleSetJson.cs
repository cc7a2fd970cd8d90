using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Workflows.Deadlines;

/// <summary>The JSON form of rule sets (camelCase, enums by name) and the bundled sets shipped as data.</summary>
public static class DeadlineRuleSetJson
{
    private const string ResourcePrefix = "CaseFlow.Deadlines.";

    /// <summary>
    /// Options for reading and writing rule sets. Enums are names only: a number or an unknown name (an approver
    /// <c>Boss</c>) is a <see cref="JsonException"/> whose path names the field.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        WriteIndented = false,
    };

    /// <summary>Reads one rule set.</summary>
    /// <exception cref="JsonException">The JSON is malformed or a value has the wrong type.</exception>
    public static DeadlineRuleSet Deserialize(string json) =>
        JsonSerializer.Deserialize<DeadlineRuleSet>(json, Options) ?? throw new JsonException("A rule set may not be null.");

    /// <summary>Writes one rule set.</summary>
    public static string Serialize(DeadlineRuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);

    /// <summary>The rule sets shipped with CaseFlow (O20, O121, PPR, O310), each valid on its own.</summary>
    /// <exception cref="InvalidOperationException">A bundled file is missing or invalid (a build mistake, not an operator's).</exception>
    public static IReadOnlyList<DeadlineRuleSet> LoadBundled()
    {
        var assembly = typeof(DeadlineRuleSetJson).Assembly;
        var sets = new List<DeadlineRuleSet>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded rule set {name} cannot be opened.");
            using var reader = new StreamReader(stream);
            sets.Add(Deserialize(reader.ReadToEnd()));
        }

        foreach (var set in sets)
        {
            var errors = DeadlineRuleSetValidator.Validate(set, sets);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Bundled rule set {set.Id} is invalid: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }
        }

        return sets.Count > 0 ? sets : throw new InvalidOperationException($"No embedded rule sets ({ResourcePrefix}*.json).");
    }
}
