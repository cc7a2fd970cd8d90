using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Absences;

/// <summary>Who takes a task meant for someone absent: their deputy, or the deputy's deputy when that one is away too.</summary>
internal sealed class Deputies
{
    // Deputies of deputies are followed a few steps only: a longer chain is a data mistake, and a cycle must end.
    private const int MaxHops = 5;

    private readonly Dictionary<string, StoredAbsence> absent;

    private Deputies(Dictionary<string, StoredAbsence> absent) => this.absent = absent;

    /// <summary>The absences in force at <paramref name="now"/>.</summary>
    public static async Task<Deputies> LoadAsync(CaseFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Absences.AsNoTracking()
            .Where(a => a.EndedAt == null && a.From <= now && a.Until > now)
            .ToListAsync(cancellationToken);

        // Overlapping absences of one user are prevented by the API; should two exist, the later one wins.
        var byUser = rows.OrderBy(a => a.CreatedAt).GroupBy(a => a.UserName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return new Deputies(byUser);
    }

    /// <summary>Whether <paramref name="userName"/> is absent now.</summary>
    public bool IsAbsent(string userName) => absent.ContainsKey(userName);

    /// <summary>The user who should receive work meant for <paramref name="userName"/>; the user themself when present.</summary>
    public string Resolve(string userName)
    {
        var current = userName;
        var seen = new HashSet<string>(StringComparer.Ordinal) { current };
        for (var hop = 0; hop < MaxHops && absent.TryGetValue(current, out var absence); hop++)
        {
            if (!seen.Add(absence.Deputy))
            {
                break;
            }

            current = absence.Deputy;
        }

        return current;
    }
}
