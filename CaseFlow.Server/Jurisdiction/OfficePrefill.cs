using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Jurisdiction;

/// <summary>
/// The office with jurisdiction is a suggestion the decider may override: a completion that must carry
/// <c>officeId</c> and leaves it out takes the case's suggested office (from the district table at intake).
/// </summary>
public static class OfficePrefill
{
    public const string Variable = "officeId";

    /// <summary>Fills <c>officeId</c> for a legacy step (<c>caseflow:requiredVariables</c>) that requires it for <paramref name="outcome"/>.</summary>
    public static Task ApplyAsync(CaseFlowDbContext db, StoredTask task, string? outcome, JsonObject variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ApplyAsync(db, task, Requires(task, outcome), variables, cancellationToken);
    }

    /// <summary>Fills <c>officeId</c> when <paramref name="required"/> (a form's office field required for the outcome) and left out.</summary>
    public static async Task ApplyAsync(CaseFlowDbContext db, StoredTask task, bool required, JsonObject variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(variables);
        if (task.CaseId is not { } caseId || !required || (variables[Variable] is JsonValue given && given.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)))
        {
            return;
        }

        var suggested = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.SuggestedOfficeId).SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(suggested))
        {
            variables[Variable] = suggested;
        }
    }

    private static bool Requires(StoredTask task, string? outcome) =>
        (task.RequiredVariables ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(rule => rule.Split(':', 2))
            .Any(parts => parts.Length == 2 && (parts[0] == "*" || parts[0] == outcome)
                && parts[1].Split(',', StringSplitOptions.TrimEntries).Contains(Variable));
}
