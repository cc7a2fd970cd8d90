using System.Text.RegularExpressions;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Seeding;

/// <summary>
/// Orders the built-in processes so a process is published after the processes its call activities call (report
/// calls enforcement): publishing checks that a called process exists. A built-in calling a process that is neither
/// shipped nor published is left out with a warning instead of stopping the server; the next start tries again.
/// </summary>
internal static partial class BuiltInOrder
{
    public static async Task<List<(string Key, string Xml)>> CalleesFirstAsync(
        CaseFlowDbContext db, IEnumerable<(string Key, string Xml)> builtIns, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = builtIns.ToList();
        var available = (await db.ProcessVersions.AsNoTracking().Select(p => p.ProcessKey).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<(string Key, string Xml)>();
        while (pending.FirstOrDefault(p => Callees(p.Xml).All(c => c == p.Key || available.Contains(c))) is { Key: not null } ready)
        {
            ordered.Add(ready);
            available.Add(ready.Key);
            pending.Remove(ready);
        }

        foreach (var (key, xml) in pending)
        {
            logger.LogWarning("Built-in process {ProcessKey} calls {Callees}, which is not published; it is not published at this start",
                key, string.Join(", ", Callees(xml).Where(c => !available.Contains(c))));
        }

        return ordered;
    }

    private static IEnumerable<string> Callees(string xml) => CalledElement().Matches(xml).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex("calledElement=\"([^\"]+)\"")]
    private static partial Regex CalledElement();
}
