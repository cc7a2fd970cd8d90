using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Server.Api;

/// <summary>
/// Reads the fields of a JSON body one by one, so a value of the wrong type is a 400 naming that field rather than
/// "the request could not be read". Errors collect in <see cref="Errors"/>.
/// </summary>
internal sealed class JsonFields(JsonObject? body)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Text(string name, int maxLength = 1000)
    {
        if (body?[name] is not { } node || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (text.Length > maxLength)
            {
                Errors[name] = [$"{name} may be at most {maxLength} characters."];
            }

            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        Errors[name] = [$"{name} must be a string."];
        return null;
    }

    public decimal? Number(string name)
    {
        if (body?[name] is not { } node || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<decimal>(out var number))
        {
            if (number < 0 || number > 1_000_000_000_000m)
            {
                Errors[name] = [$"{name} must be an amount in yuan between 0 and 1,000,000,000,000. 金额须为 0 至一万亿元之间的数字。"];
                return null;
            }

            return number;
        }

        Errors[name] = [$"{name} must be a number (yuan), e.g. 5000 or 199.5. 金额须为数字（元）。"];
        return null;
    }

    public bool? Flag(string name)
    {
        if (body?[name] is not { } node || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        Errors[name] = [$"{name} must be true or false."];
        return null;
    }

    public DateOnly? Date(string name)
    {
        var text = Text(name, 40);
        if (text is null || Errors.ContainsKey(name))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Errors[name] = [$"{name} must be a date like 2026-07-10. 日期格式须为 2026-07-10。"];
        return null;
    }

    /// <summary>An instant with offset, or a date read as the start of that day in Shanghai.</summary>
    public DateTimeOffset? Instant(string name)
    {
        var text = Text(name, 40);
        if (text is null || Errors.ContainsKey(name))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Shanghai);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant;
        }

        Errors[name] = [$"{name} must be a date (2026-07-10, Shanghai) or an instant with offset (2026-07-10T09:30:00+08:00)."];
        return null;
    }

    /// <summary>Refuses an instant later than <paramref name="now"/> (five minutes' grace for clocks).</summary>
    public void NotFuture(string name, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is { } v && v > now.AddMinutes(5))
        {
            Errors[name] = [$"{name} may not be in the future. 日期不得晚于当前时间。"];
        }
    }
}
