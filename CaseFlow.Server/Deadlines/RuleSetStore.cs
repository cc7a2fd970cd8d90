using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Deadlines;

/// <summary>The deadline rule sets as stored: seeded from the shipped JSON at first start, then edited by legal officers.</summary>
public sealed class RuleSetStore(CaseFlowDbContext db, TimeProvider clock)
{
    private const string SystemActor = "system";

    /// <summary>Every stored rule set, ordered by id. Before seeding (a bare test database) the shipped sets.</summary>
    /// <remarks>
    /// The stored JSON is read every time, so an edit on any node applies at once; only its parsing is cached, keyed by the
    /// JSON text itself (rule sets are immutable records). Parsing the four shipped sets on every intake and deadline
    /// operation was 3 % of an intake's CPU.
    /// </remarks>
    public async Task<IReadOnlyList<DeadlineRuleSet>> GetAllAsync(CancellationToken cancellationToken)
    {
        var rows = await db.RuleSets.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Json).ToListAsync(cancellationToken);
        return rows.Count == 0 ? DeadlineRuleSetJson.LoadBundled() : rows.Select(ParsedRuleSets.Parse).ToList();
    }

    /// <summary>One rule set, or null.</summary>
    public async Task<DeadlineRuleSet?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(cancellationToken);
        return all.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
    }

    /// <summary>Validates <paramref name="ruleSet"/> against the other sets and stores it; returns the field errors, empty when saved.</summary>
    public async Task<Dictionary<string, string[]>> SaveAsync(DeadlineRuleSet ruleSet, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        await SeedAsync(cancellationToken);
        var errors = DeadlineRuleSetValidator.Validate(ruleSet, await GetAllAsync(cancellationToken));
        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.RuleSets.FindAsync([ruleSet.Id], cancellationToken);
        if (row is null)
        {
            db.RuleSets.Add(row = new StoredRuleSet { Id = ruleSet.Id, Json = "", UpdatedBy = actor });
        }

        row.Json = DeadlineRuleSetJson.Serialize(ruleSet);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>
    /// Adds each shipped rule set that is not stored yet, and brings a stored set nobody has edited (last saved by the
    /// system) up to the shipped version, so an installation gets new rules (issue 16's missing deadlines) without a
    /// manual PUT. A set a legal officer saved is never overwritten.
    /// </summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var stored = await db.RuleSets.ToDictionaryAsync(r => r.Id, cancellationToken);
        var added = false;
        foreach (var set in DeadlineRuleSetJson.LoadBundled())
        {
            var json = DeadlineRuleSetJson.Serialize(set);
            if (!stored.TryGetValue(set.Id, out var row))
            {
                db.RuleSets.Add(new StoredRuleSet { Id = set.Id, Json = json, UpdatedAt = clock.GetUtcNow(), UpdatedBy = SystemActor });
                added = true;
            }
            else if (row.UpdatedBy == SystemActor && row.Json != json)
            {
                row.Json = json;
                row.UpdatedAt = clock.GetUtcNow();
                added = true;
            }
        }

        if (!added)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same sets at the same moment; theirs are identical.
            db.ChangeTracker.Clear();
        }
    }
}
