using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Takes the penalty's amounts from the process when the case is decided: numeric variables <c>fineAmount</c> and
/// <c>confiscationAmount</c>, or a simple-procedure fine (<c>penaltyType</c> <c>fine</c> with <c>proposedFine</c>).
/// A general-procedure decision whose penalty is text only (<c>penaltyDecision</c>) records nothing here; its amounts
/// are recorded with <c>POST /api/cases/{id}/measures</c> (kind <c>penalty-decided</c>). Amounts already recorded are
/// kept.
/// </summary>
internal static class PenaltyAmounts
{
    public static void Capture(CaseFlowDbContext db, StoredCase? storedCase, JsonObject variables, IEnumerable<WorkflowEffect> effects, DateTimeOffset now)
    {
        if (storedCase is null || storedCase.PenaltyDecidedAt is not null
            || !effects.OfType<SetCaseStatusEffect>().Any(e => string.Equals(e.Status, nameof(CaseStatus.Decided), StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var fine = Amount(variables["fineAmount"]);
        if (fine is null && Text(variables["penaltyType"]) == "fine")
        {
            fine = Amount(variables["proposedFine"]);
        }

        var confiscation = Amount(variables["confiscationAmount"]);
        if (fine is null && confiscation is null)
        {
            return;
        }

        storedCase.FineAmount = fine;
        storedCase.ConfiscationAmount = confiscation;
        storedCase.PenaltyDecidedAt = now;
        var parts = new List<string>();
        if (fine is { } f)
        {
            parts.Add($"罚款 {f.ToString("0.##", CultureInfo.InvariantCulture)} 元");
        }

        if (confiscation is { } c)
        {
            parts.Add($"没收违法所得、非法财物 {c.ToString("0.##", CultureInfo.InvariantCulture)} 元");
        }

        var number = Text(variables["decisionNumber"]) is { } n ? $"，决定书 {n}" : "";
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = storedCase.Id, At = now, Actor = "system", Event = "PenaltyAmountsRecorded", Details = string.Join("，", parts) + number });
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;

    private static decimal? Amount(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) && d >= 0 ? d : null;
}
