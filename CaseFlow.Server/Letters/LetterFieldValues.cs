using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Reports;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Letters;

/// <summary>The merge values a case supplies (number, names, dates, office, the nearest running deadline).</summary>
internal sealed class LetterFieldValues(CaseFlowDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    /// <summary>Values for the case fields; <paramref name="storedCase"/> may carry unsaved changes of the running command.</summary>
    public async Task<Dictionary<string, string?>> FromCaseAsync(StoredCase? storedCase, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["today"] = ChineseDates.Format(calendar.ToLocalDate(clock.GetUtcNow())),
        };

        // Citations come from the rules in force on the receipt date, not today's (Order 20 until 2026-04-14); a preview
        // without a case cites today's.
        var rules = Cases.ComplaintRuleTexts.InForceOn(calendar.ToLocalDate(storedCase?.ReceivedAt ?? clock.GetUtcNow()));
        values["complaintRules"] = rules.ShortName;
        values["refusalArticle"] = rules.ShortName + rules.RefusalArticle;
        values["materialsArticle"] = rules.MaterialsArticle;
        values["mediationPeriod"] = rules.MediationPeriod;
        values["terminationArticle"] = rules.ShortName + rules.TerminationArticle;
        if (storedCase is null)
        {
            return values;
        }

        values["caseNumber"] = storedCase.Number;
        values["complainantName"] = storedCase.ComplainantName;
        values["subject"] = storedCase.Subject;
        values["respondentName"] = storedCase.RespondentName;
        values["category"] = CaseCategories.NameOf(storedCase.Category);
        values["receivedAt"] = ChineseDates.Format(calendar.ToLocalDate(storedCase.ReceivedAt));

        if (storedCase.OfficeId is { } officeId)
        {
            var office = db.Offices.Local.FirstOrDefault(o => o.Id == officeId) ?? await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officeId, cancellationToken);
            values["officeName"] = office?.Name;
        }

        // Deadlines written in this unit of work (the task just opened) are not in the database yet.
        var running = db.Deadlines.Local.Where(d => d.CaseId == storedCase.Id && d.State == DeadlineState.Running && db.Entry(d).State == EntityState.Added)
            .Select(d => d.DueAt).ToList();
        var stored = await db.Deadlines.AsNoTracking().Where(d => d.CaseId == storedCase.Id && d.State == DeadlineState.Running)
            .Select(d => d.DueAt).ToListAsync(cancellationToken);
        if (running.Concat(stored).DefaultIfEmpty().Min() is { } due && due != default)
        {
            values["dueAt"] = ChineseDates.Format(calendar.ToLocalDate(due));
        }

        return values;
    }

    /// <summary>Process variables as merge text: strings and numbers as they are, ISO dates in Chinese form; objects skipped.</summary>
    public Dictionary<string, string?> FromJson(JsonObject? values)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, node) in values ?? [])
        {
            if (node is JsonValue value)
            {
                result[name] = value.GetValueKind() switch
                {
                    JsonValueKind.String => ChineseDates.FormatIfDate(value.GetValue<string>(), calendar.TimeZone),
                    JsonValueKind.Number => value.ToJsonString(),
                    JsonValueKind.True => "是",
                    JsonValueKind.False => "否",
                    _ => null,
                };
            }
        }

        return result;
    }

    /// <summary>Caller-supplied values with dates put in Chinese form.</summary>
    public Dictionary<string, string?> FromStrings(IReadOnlyDictionary<string, string?>? values) =>
        (values ?? new Dictionary<string, string?>()).ToDictionary(
            p => p.Key,
            p => p.Value is null ? null : ChineseDates.FormatIfDate(p.Value, calendar.TimeZone),
            StringComparer.Ordinal);

    /// <summary>Layers values: later dictionaries win over earlier ones where they have a non-empty value.</summary>
    public static Dictionary<string, string?> Layer(params Dictionary<string, string?>[] layers)
    {
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (name, value) in layer.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
            {
                merged[name] = value;
            }
        }

        return merged;
    }
}
