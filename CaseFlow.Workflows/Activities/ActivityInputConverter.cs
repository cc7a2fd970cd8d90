using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Activities;

/// <summary>Converts JSON input values to activity property types, leniently where a legal officer would expect it ("5" for a number).</summary>
internal static class ActivityInputConverter
{
    public static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "string";
        }

        if (t == typeof(bool))
        {
            return "boolean";
        }

        if (t.IsEnum)
        {
            return "enum";
        }

        return t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) ? "number" : "json";
    }

    public static bool TryConvert(JsonNode? node, Type type, out object? value, out string? error)
    {
        value = null;
        error = null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (node is null)
        {
            return true;
        }

        var kind = node.GetValueKind();
        var text = kind == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        if (t == typeof(string))
        {
            value = text;
            return true;
        }

        if (t == typeof(JsonNode))
        {
            value = node.DeepClone();
            return true;
        }

        if (t == typeof(bool) && bool.TryParse(text, out var flag))
        {
            value = flag;
            return true;
        }

        if (t.IsEnum)
        {
            if (kind == JsonValueKind.String && Enum.TryParse(t, text, ignoreCase: true, out var parsed) && Enum.IsDefined(t, parsed))
            {
                value = parsed;
                return true;
            }

            error = $"'{text}' is not one of {string.Join(", ", Enum.GetNames(t))}.";
            return false;
        }

        if (kind is JsonValueKind.Number or JsonValueKind.String
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                value = Convert.ChangeType(number, t, CultureInfo.InvariantCulture);
                return true;
            }
            catch (OverflowException)
            {
                // reported below
            }
        }

        error = $"'{text}' is not a valid {TypeName(t)}.";
        return false;
    }
}
