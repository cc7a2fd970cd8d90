using System.Text.RegularExpressions;
using CaseFlow.Designer.Api;

namespace CaseFlow.Designer.Localization;

/// <summary>
/// The details of a timeline line in the UI language. The server stores them as it wrote them, some with codes
/// ("Registered → Accepted", "受理审查: outcome 'accept'", "office-1", "回访满意度 satisfied", and in older lines
/// "complaint via hotline"); this puts names and labels in their place. Text it does not recognise is shown as stored.
/// </summary>
public static partial class TimelineDetails
{
    public static string Text(TimelineEntry entry, TextTable t, People people)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(people);
        var details = entry.Details;
        if (string.IsNullOrWhiteSpace(details))
        {
            return "";
        }

        switch (entry.Event)
        {
            case "StatusChanged" when StatusChange().Match(details) is { Success: true } m:
                return $"{Status(t, m.Groups[1].Value)} → {Status(t, m.Groups[2].Value)}{m.Groups[3].Value}";
            case "OfficeAssigned":
                return people.Office(details.Trim());
            case "JurisdictionSuggested" when OfficeAndBasis().Match(details) is { Success: true } m:
                return $"{people.Office(m.Groups[1].Value)}：{m.Groups[2].Value}";
            case "Registered" when Via().Match(details) is { Success: true } m:
                return t.Format("timeline.registeredvia", t.Label("channel", m.Groups[2].Value), t.Label("kind", m.Groups[1].Value));
            case "Registered" when OpenedFrom().Match(details) is { Success: true } m:
                return t.Format("timeline.openedfrom", t.Label("kind", m.Groups[1].Value), m.Groups[2].Value);
            case "TaskDelegated" when Absent().Match(details) is { Success: true } m:
                return t.Format("timeline.absent", m.Groups[1].Value, people.Person(m.Groups[2].Value), people.Person(m.Groups[3].Value));
            default:
                break;
        }

        if (Outcome().Match(details) is { Success: true } outcome)
        {
            var progress = outcome.Groups[2].Success ? $" [{outcome.Groups[2].Value}]" : "";
            return $"{outcome.Groups[1].Value}{progress}：{t["timeline.outcome"]} {t.Label("outcome", outcome.Groups[3].Value)}";
        }

        details = Satisfaction().Replace(details, m => m.Groups[1].Value + t.Label("satisfaction", m.Groups[2].Value));
        return t.Label("satisfaction", details) is var rating && rating != details ? rating : t.Label("outcome", details);
    }

    /// <summary>A status as the server's enum names it (Registered, NotFiled) by its label (status.notFiled).</summary>
    private static string Status(TextTable t, string code) =>
        code.Length == 0 ? code : t.Label("status", char.ToLowerInvariant(code[0]) + code[1..]);

    [GeneratedRegex(@"^([A-Za-z]+) → ([A-Za-z]+)(.*)$", RegexOptions.Singleline)]
    private static partial Regex StatusChange();

    [GeneratedRegex(@"^([a-z][a-z0-9-]*)：(.*)$", RegexOptions.Singleline)]
    private static partial Regex OfficeAndBasis();

    [GeneratedRegex(@"^(complaint|report) via ([a-z-]+)$")]
    private static partial Regex Via();

    [GeneratedRegex(@"^(complaint|report|enforcement|[a-z-]+) opened from (\S+) \(([^)]*)\)$")]
    private static partial Regex OpenedFrom();

    [GeneratedRegex(@"^(.*): ([a-z0-9.-]+) is absent → ([a-z0-9.-]+)$", RegexOptions.Singleline)]
    private static partial Regex Absent();

    [GeneratedRegex(@"^(.*?)(?: \[(\d+/\d+)\])?: outcome '([^']*)'$", RegexOptions.Singleline)]
    private static partial Regex Outcome();

    [GeneratedRegex(@"(回访满意度 )([a-z-]+)")]
    private static partial Regex Satisfaction();
}
