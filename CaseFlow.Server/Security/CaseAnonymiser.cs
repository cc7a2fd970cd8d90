using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// Removes the complainant's personal data from cases closed longer than <see cref="RetentionOptions.ClosedCaseDays"/>:
/// the case row, its process instances' variables and its outgoing emails. Each case is one transaction that also
/// appends an <c>Anonymised</c> audit entry; the audit trail itself is kept whole.
/// </summary>
public sealed class CaseAnonymiser(CaseFlowDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public const string Placeholder = "（已匿名）";
    private const int Batch = 100;
    private static readonly string[] PersonalVariables = ["complainantName", "complainantEmail", "complainantPhone", "complainantAddress"];

    /// <summary>Anonymises every due case; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.ClosedCaseDays);
        var total = 0;
        while (true)
        {
            var due = await db.Cases.Where(c => c.ClosedAt != null && c.ClosedAt < cutoff && c.AnonymisedAt == null)
                .OrderBy(c => c.ClosedAt).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return total;
            }

            foreach (var c in due)
            {
                c.ComplainantName = Placeholder;
                c.ComplainantPhone = "";
                c.ComplainantEmail = null;
                c.ComplainantAddress = null;
                c.ComplainantIdNumberCipher = null;
                c.ComplainantIdNumberHash = null;
                c.AnonymisedAt = now;
                foreach (var instance in await db.Instances.Where(i => i.CaseId == c.Id).ToListAsync(cancellationToken))
                {
                    instance.StateJson = Scrub(instance.StateJson);
                }

                foreach (var mail in await db.OutboxMessages.Where(m => m.CaseId == c.Id).ToListAsync(cancellationToken))
                {
                    mail.To = Placeholder;
                    mail.Body = Placeholder;
                }

                AuditTrail.Add(db, now, "system", AuditActions.Anonymised, c.Id, c.Number, $"closed {c.ClosedAt:O}; retention {options.Value.ClosedCaseDays} days");
                await db.SaveChangesAsync(cancellationToken);
                total++;
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Blanks the complainant variables wherever they sit in the instance state.</summary>
    private static string Scrub(string stateJson)
    {
        var root = JsonNode.Parse(stateJson);
        if (root is null)
        {
            return stateJson;
        }

        Walk(root);
        return root.ToJsonString();
    }

    private static void Walk(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                if (PersonalVariables.Contains(name, StringComparer.Ordinal))
                {
                    obj[name] = Placeholder;
                }
                else if (obj[name] is { } child)
                {
                    Walk(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                Walk(child);
            }
        }
    }
}
