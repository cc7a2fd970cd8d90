using System.Globalization;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Deadlines.Ladder;

/// <summary>
/// Plans a deadline's warnings and escalation steps from its rule, its current due instant and the steps already
/// fired. Pure: the server persists what fired and when the ladder needs attention next.
/// </summary>
/// <remarks>
/// After downtime, missed firings are not replayed one by one: of several warnings already due only the latest (the
/// most urgent) fires, and a repeated reminder fires once for its latest missed occurrence. Each escalation step
/// fires once even when several fall due together, since each addresses someone different.
/// </remarks>
public static class EscalationLadder
{
    /// <summary>Role naming the task's assignee (or, for an unassigned task, its candidate groups).</summary>
    public const string AssigneeRole = "assignee";

    // A repeated step catching up after a very long outage stops counting here rather than loop for ever.
    private const int MaxOccurrences = 10_000;

    /// <summary>The steps due at <paramref name="now"/> and when the ladder needs attention after firing them.</summary>
    public static LadderPlan Plan(IBusinessCalendar calendar, DeadlineRule rule, DateTimeOffset due, IReadOnlySet<string> fired, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(fired);
        var candidates = Candidates(calendar, rule, due, fired, now);
        var dueNow = candidates.Where(s => s.FireAt <= now).OrderBy(s => s.FireAt).ThenBy(s => s.Level).ToList();
        var afterwards = new HashSet<string>(fired, StringComparer.Ordinal);
        afterwards.UnionWith(dueNow.Select(s => s.Key));
        var next = Candidates(calendar, rule, due, afterwards, now).Where(s => s.FireAt > now).Select(s => (DateTimeOffset?)s.FireAt).Min();
        return new LadderPlan(dueNow, next);
    }

    /// <summary>The key of warning <paramref name="lead"/> for a deadline due on <paramref name="dueDay"/>.</summary>
    public static string WarningKey(string lead, DateOnly dueDay) =>
        string.Create(CultureInfo.InvariantCulture, $"warning:{lead}@{dueDay:yyyy-MM-dd}");

    /// <summary>The key of occurrence <paramref name="occurrence"/> of escalation step <paramref name="index"/>.</summary>
    public static string StepKey(int index, int occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"step:{index}#{occurrence}");

    private static List<LadderStep> Candidates(IBusinessCalendar calendar, DeadlineRule rule, DateTimeOffset due, IReadOnlySet<string> fired, DateTimeOffset now)
    {
        var steps = new List<LadderStep>();
        AddWarning(steps, calendar, rule, due, fired, now);
        for (var index = 0; index < rule.Escalations.Count; index++)
        {
            if (Escalation(calendar, rule.Escalations[index], index, due, fired, now) is { } step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    /// <summary>The one warning to give next: the most urgent one already due, else the next one to come.</summary>
    private static void AddWarning(List<LadderStep> steps, IBusinessCalendar calendar, DeadlineRule rule, DateTimeOffset due, IReadOnlySet<string> fired, DateTimeOffset now)
    {
        if (now >= due)
        {
            return;
        }

        var dueDay = calendar.ToLocalDate(due);
        var warnings = rule.WarningsBefore
            .Select(text => BusinessDuration.TryParse(text, out var lead, out _) ? (Text: lead.ToString(), At: LadderClock.Before(calendar, due, lead)) : default)
            .Where(w => w.Text is not null && w.At < due)
            .OrderBy(w => w.At)
            .ToList();

        // Warnings closer to the due instant than one already given make the earlier ones moot.
        var lastGiven = warnings.FindLastIndex(w => fired.Contains(WarningKey(w.Text, dueDay)));
        var open = warnings.Skip(lastGiven + 1).ToList();
        var mostUrgentDue = open.LastOrDefault(w => w.At <= now);
        var chosen = mostUrgentDue.Text is not null ? mostUrgentDue : open.FirstOrDefault();
        if (chosen.Text is not null)
        {
            steps.Add(new LadderStep(WarningKey(chosen.Text, dueDay), chosen.At, null, AssigneeRole, 0, 1, chosen.Text));
        }
    }

    private static LadderStep? Escalation(IBusinessCalendar calendar, EscalationStep step, int index, DateTimeOffset due, IReadOnlySet<string> fired, DateTimeOffset now)
    {
        if (!BusinessDuration.TryParse(step.Offset, out var offset, out _))
        {
            return null;
        }

        var first = LadderClock.After(calendar, due, offset);
        var lastFired = LastOccurrence(fired, index);
        if (step.RepeatEvery is null || !BusinessDuration.TryParse(step.RepeatEvery, out var every, out _) || !IsPositive(every))
        {
            return lastFired > 0 ? null : new LadderStep(StepKey(index, 1), first, step.Action, step.Role, index + 1, 1, step.Offset);
        }

        // Occurrence n fires `every` after occurrence n-1; find the first not yet fired, then the latest already due.
        var occurrence = 1;
        var at = first;
        while (occurrence <= lastFired && occurrence < MaxOccurrences)
        {
            at = LadderClock.After(calendar, at, every);
            occurrence++;
        }

        while (occurrence < MaxOccurrences && LadderClock.After(calendar, at, every) is var following && following <= now)
        {
            at = following;
            occurrence++;
        }

        return new LadderStep(StepKey(index, occurrence), at, step.Action, step.Role, index + 1, occurrence, step.Offset);
    }

    private static int LastOccurrence(IReadOnlySet<string> fired, int index)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"step:{index}#");
        var last = 0;
        foreach (var key in fired)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > last)
            {
                last = n;
            }
        }

        return last;
    }

    private static bool IsPositive(BusinessDuration duration) =>
        duration.Unit == DurationUnit.Exact ? duration.Exact > TimeSpan.Zero : duration.Days > 0;
}
