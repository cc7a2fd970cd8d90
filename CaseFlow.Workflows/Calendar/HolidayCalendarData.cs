using System.Text.Json;

namespace CaseFlow.Workflows.Calendar;

/// <summary>
/// Reads holiday arrangements (<see cref="CalendarYear"/>) from JSON: the years shipped inside this assembly
/// (<c>Calendar/Data/cn-YYYY.json</c>) and files an administrator loads later.
/// </summary>
/// <remarks>
/// The format is <c>{ "year": 2026, "source": "...", "holidays": [ { "date": "2026-10-01", "name": "国庆节" } ],
/// "workingWeekends": [ { "date": "2026-10-10", "name": "国庆节调休上班" } ] }</c>. Holidays list every day off,
/// including weekend days inside the block, so each day carries the holiday's name.
/// </remarks>
public static class HolidayCalendarData
{
    /// <summary>Prefix of the embedded resources' logical names (set in the csproj).</summary>
    public const string ResourcePrefix = "CaseFlow.Calendar.";

    // Comments and trailing commas are allowed because these files are edited by hand; missing or null
    // members are refused so a truncated file fails loudly instead of loading a year without holidays.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<IReadOnlyList<CalendarYear>> Bundled = new(LoadBundledCore);

    /// <summary>The years shipped with CaseFlow (2025 and 2026), in year order.</summary>
    public static IReadOnlyList<CalendarYear> LoadBundled() => Bundled.Value;

    /// <summary>Parses and validates one year.</summary>
    /// <exception cref="FormatException">The JSON is malformed or the data inconsistent; the message says where.</exception>
    public static CalendarYear Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CalendarYear? year;
        try
        {
            year = JsonSerializer.Deserialize<CalendarYear>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Holiday calendar JSON is invalid: {ex.Message}", ex);
        }

        if (year is null)
        {
            throw new FormatException("Holiday calendar JSON is empty (null).");
        }

        var errors = year.Validate();
        return errors.Count == 0
            ? year
            : throw new FormatException($"Holiday calendar for {year.Year} is inconsistent: {string.Join(" ", errors)}");
    }

    /// <summary>Parses and validates one year from a UTF-8 stream.</summary>
    /// <exception cref="FormatException">The JSON is malformed or the data inconsistent.</exception>
    public static CalendarYear Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json);
        return Parse(reader.ReadToEnd());
    }

    private static CalendarYear[] LoadBundledCore()
    {
        var assembly = typeof(HolidayCalendarData).Assembly;
        var years = new List<CalendarYear>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)
                    ?? throw new InvalidOperationException($"Embedded calendar resource {name} cannot be opened.");
                years.Add(Parse(stream));
            }
        }

        // An empty list means the csproj lost its EmbeddedResource line; every deadline would silently ignore
        // holidays, so refuse to start instead.
        return years.Count > 0
            ? years.OrderBy(y => y.Year).ToArray()
            : throw new InvalidOperationException($"No embedded holiday calendars ({ResourcePrefix}*.json) in {assembly.GetName().Name}.");
    }
}
