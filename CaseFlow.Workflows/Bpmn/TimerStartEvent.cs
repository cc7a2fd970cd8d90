using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>A timer start event of a process, with the arithmetic of its occurrences.</summary>
/// <remarks>
/// The server owns the schedule (one row per timer start, advanced in the same transaction as the instance it
/// starts), but the timer's meaning (durations on the business calendar, cycles, dates) belongs to the engine,
/// so the server asks this type instead of re-reading the BPMN text.
/// </remarks>
public sealed class TimerStartEvent
{
    /// <summary>Missed occurrences skipped in one step at most; a cycle late by more simply fires again at once.</summary>
    private const int MaxSkippedOccurrences = 100_000;

    private readonly TimerDefinition _timer;

    internal TimerStartEvent(string elementId, TimerDefinition timer)
    {
        ElementId = elementId;
        _timer = timer;
    }

    /// <summary>The start event's id; <see cref="Runtime.StartInstanceRequest.StartEventId"/> names it to start there.</summary>
    public string ElementId { get; }

    /// <summary>The timer as written (<c>R3/PT10S</c>, <c>P1D</c>, <c>2026-05-01T09:00:00+08:00</c>), for logs and history.</summary>
    public string Text => _timer.Text;

    /// <summary>How many instances it starts in all: 1 for a date or duration, the count of a cycle, null for <c>R/...</c> (no end).</summary>
    public int? Occurrences => _timer.IsCycle ? _timer.Repetitions : 1;

    /// <summary>The first occurrence: the date itself, or one duration (cycle interval) after <paramref name="publishedAt"/>.</summary>
    public DateTimeOffset FirstDue(DateTimeOffset publishedAt, IBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return _timer.At ?? calendar.ComputeDue(publishedAt, _timer.Duration!.Value);
    }

    /// <summary>
    /// The occurrence after <paramref name="previousDue"/>, skipping those already past at <paramref name="now"/>: a server
    /// that was down does not start a burst of instances for every interval it missed. Null when the timer does not repeat.
    /// </summary>
    public DateTimeOffset? NextDue(DateTimeOffset previousDue, DateTimeOffset now, IBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!_timer.IsCycle)
        {
            return null;
        }

        var next = previousDue;
        for (var skipped = 0; skipped < MaxSkippedOccurrences; skipped++)
        {
            var following = calendar.ComputeDue(next, _timer.Duration!.Value);
            if (following <= next)
            {
                // A zero interval would repeat forever at the same instant.
                return null;
            }

            next = following;
            if (next > now)
            {
                break;
            }
        }

        return next;
    }
}
