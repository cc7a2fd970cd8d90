using System.Globalization;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Cases;

/// <summary>What every new case needs, wherever it is opened (intake, a mixed submission, a clue found in mediation): its number and the variables its process sees.</summary>
public static class CaseRecords
{
    /// <summary>The process each kind of case runs.</summary>
    public static string ProcessKeyFor(string kind) => kind == "report" ? "report" : "complaint";

    /// <summary>The next number of the year, e.g. TS2026-000123 (投诉) or JB2026-000045 (举报), unique across concurrent intakes and nodes.</summary>
    public static async Task<string> NextNumberAsync(CaseFlowDbContext db, string kind, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = $"{(kind == "report" ? "JB" : "TS")}{receivedAt.Year}";
        var value = await CaseNumberCounter.NextAsync(db, name, cancellationToken);
        return $"{name}-{value:D6}";
    }

    /// <summary>Variables the process sees. Phone and address stay out: no step needs them, so no expression can leak them.</summary>
    public static JsonObject ProcessVariables(StoredCase c, bool odr = false, string? duplicateOfNumber = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new JsonObject
        {
            ["caseId"] = c.Id.ToString(),
            ["caseNumber"] = c.Number,
            ["kind"] = c.Kind,
            ["channel"] = c.Channel,
            ["category"] = c.Category,
            ["subject"] = c.Subject,
            ["complainantName"] = c.ComplainantName,
            ["complainantEmail"] = c.ComplainantEmail ?? "",
            ["respondentName"] = c.RespondentName,
            ["amountInvolved"] = c.AmountInvolved is { } amount ? JsonValue.Create(amount) : null,
            ["receivedAt"] = c.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["odr"] = odr,
            ["suggestedOfficeId"] = c.SuggestedOfficeId ?? "",
            ["duplicateOf"] = duplicateOfNumber ?? "",
            ["anonymous"] = c.Kind == "report" && MissingMaterials.IsAnonymous(c),
            ["missingMaterials"] = string.Join("、", MissingMaterials.For(c).Where(w => w.Category == "materials").Select(w => w.Factor)),
        };
    }
}
