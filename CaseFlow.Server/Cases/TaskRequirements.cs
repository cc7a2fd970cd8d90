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

            foreach (var name in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var value = variables[name];
                if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
                {
                    var when = parts[0] == "*" ? "" : $" when the outcome is '{parts[0]}'";
                    errors[$"variables.{name}"] = [$"{name} is required{when}. 此项为必填项。"];
                }
            }
        }

        return errors;
    }
}
