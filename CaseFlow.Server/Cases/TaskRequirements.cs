using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Cases;

/// <summary>Checks that a completion carries the variables its step requires for the chosen outcome.</summary>
public static class TaskRequirements
{
    public static string? Format(IReadOnlyDictionary<string, IReadOnlyList<string>> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return required.Count == 0 ? null : string.Join(';', required.Select(r => $"{r.Key}:{string.Join(',', r.Value)}"));
    }

    /// <summary>Splits <c>name=a|b|c</c> into the name and its allowed values (none for a plain name).</summary>
    public static (string Name, string[] Choices) SplitChoices(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = entry.IndexOf('=', StringComparison.Ordinal);
        return at < 0 ? (entry, []) : (entry[..at].Trim(), entry[(at + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Field errors for every required variable that is missing or blank.</summary>
    public static Dictionary<string, string[]> Missing(StoredTask task, string? outcome, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(variables);
        var errors = new Dictionary<string, string[]>();
        foreach (var rule in (task.RequiredVariables ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = rule.Split(':', 2);
            if (parts.Length != 2 || (parts[0] != "*" && parts[0] != outcome))
            {
                continue;
            }

            foreach (var entry in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // name=a|b|c: required and one of a closed list (an Art. 16 refusal ground, a satisfaction rating).
                var (name, choices) = SplitChoices(entry);
                var value = variables[name];
                var when = parts[0] == "*" ? "" : $" when the outcome is '{parts[0]}'";
                if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
                {
                    errors[$"variables.{name}"] = [$"{name} is required{when}. 此项为必填项。"];
                }
                else if (choices.Length > 0 && !(value is JsonValue chosen && chosen.TryGetValue<string>(out var text) && choices.Contains(text)))
                {
                    errors[$"variables.{name}"] = [$"{name} must be one of: {string.Join(", ", choices)}{when}. 取值必须是以下之一：{string.Join("、", choices)}。"];
                }
            }
        }

        return errors;
    }
}
