using CaseFlow.Server.Absences;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Documents;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Commands;

/// <summary>
/// Turns what the engine did into rows: instance state, bookmarks, tasks, deadlines, history, case changes and
/// outbox emails, all added to the same unit of work so one SaveChanges commits them together.
/// </summary>
/// <param name="db">The unit of work.</param>
/// <param name="clock">The time rows are stamped with.</param>
/// <param name="deadlines">Creates the deadlines of tasks and cases.</param>
/// <param name="transferPackages">Seals the police-transfer package from the case's documents.</param>
/// <param name="letters">Renders templated emails inside the unit of work, so a letter shows the state being committed.</param>
/// <param name="applied">
/// Effects already applied in this unit of work: a parent's case changes made before its call activity are applied
/// before the child starts (so the child sees the case as the parent left it) and are not applied again.
/// </param>
internal sealed class ExecutionResultWriter(CaseFlowDbContext db, TimeProvider clock, StatutoryDeadlineFactory deadlines, TransferPackageSealer transferPackages, LetterRenderer letters, ISet<WorkflowEffect>? applied = null)
{
    private const string SystemActor = "system";

    // Deadlines of tasks this command removed, ended once the new tasks are written unless one of them carries the period on.
    private readonly List<StoredDeadline> _released = [];

    public async Task WriteAsync(StoredInstance stored, ExecutionResult result, string? actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = result.Instance;
        stored.StateJson = EngineJson.Serialize(state);
        stored.Status = state.Status;
        stored.ProcessVersion = state.ProcessVersion;
        stored.UpdatedAt = now;
        CopyIncident(stored, state.Incident, result.History.LastOrDefault(h => h.Event == "Incident")?.At);
        stored.ConcurrencyVersion++;

        var storedCase = stored.CaseId is { } caseId
            ? db.Cases.Local.FirstOrDefault(c => c.Id == caseId) ?? await db.Cases.FindAsync([caseId], cancellationToken)
            : null;

        await RemoveBookmarksAsync(result.RemovedBookmarkIds, now, cancellationToken);
        await deadlines.PrepareAsync(result, cancellationToken);
        CaseOutcomeEffects.ApplyReceipts(db, storedCase, result.Effects, now);
        foreach (var bookmark in result.CreatedBookmarks)
        {
            AddBookmark(stored, storedCase, bookmark, now);
        }

        EndReleased(now);

        await AbsentAssignees.RedirectNewTasksAsync(db, result.CreatedBookmarks, storedCase?.Id, now, cancellationToken);

        foreach (var entry in result.History)
        {
            AddHistory(stored, storedCase, entry, actor);
        }

        await ApplyEffectsAsync(storedCase, result.Effects, actor, now, cancellationToken);
        PenaltyAmounts.Capture(db, storedCase, state.Variables, result.Effects, now);

        if (state.Status == InstanceStatus.Faulted && state.Incident is { } incident && storedCase is not null)
        {
            AddTimeline(storedCase.Id, now, SystemActor, "Incident", $"{incident.ElementId}: {incident.Message}");
        }
    }

    /// <summary>Applies the effects of <paramref name="result"/> not applied yet (case changes, emails), without writing the instance.</summary>
    public async Task ApplyEffectsAsync(StoredInstance stored, ExecutionResult result, string? actor, CancellationToken cancellationToken)
    {
        var storedCase = stored.CaseId is { } caseId
            ? db.Cases.Local.FirstOrDefault(c => c.Id == caseId) ?? await db.Cases.FindAsync([caseId], cancellationToken)
            : null;
        await deadlines.PrepareAsync(result, cancellationToken);
        await ApplyEffectsAsync(storedCase, result.Effects, actor, clock.GetUtcNow(), cancellationToken);
    }

    private async Task ApplyEffectsAsync(StoredCase? storedCase, IReadOnlyList<WorkflowEffect> effects, string? actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = effects.Where(e => applied?.Add(e) ?? true).ToList();
        foreach (var effect in pending)
        {
            if (effect is SealTransferPackageEffect seal && storedCase is not null)
            {
                // Reads the case's documents and writes the manifest file; refuses the whole command when an item is missing.
                await transferPackages.SealAsync(storedCase, seal, actor ?? SystemActor, now, cancellationToken);
                continue;
            }

            ApplyEffect(storedCase, await letters.ResolveAsync(effect, storedCase, cancellationToken), now);
        }

        // After the status effects, so a decision period opened at 立案 counts from the case's FiledAt.
        await new CaseDeadlineEffects(db, deadlines).ApplyAsync(storedCase, pending, actor ?? SystemActor, now, cancellationToken);
    }

    private async Task RemoveBookmarksAsync(IReadOnlyList<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var bookmarks = await db.Bookmarks.Where(b => ids.Contains(b.Id)).ToListAsync(cancellationToken);

        // An instance written twice in one unit of work (a call activity's child cancelled by the parent it just reported
        // to) withdraws rows its first write added; those are not in the database yet.
        bookmarks.AddRange(db.Bookmarks.Local.Where(b => ids.Contains(b.Id) && db.Entry(b).State == EntityState.Added));
        db.Bookmarks.RemoveRange(bookmarks);

        var tasks = await db.Tasks.Where(t => ids.Contains(t.Id) && t.State == TaskState.Open).ToListAsync(cancellationToken);
        tasks.AddRange(db.Tasks.Local.Where(t => ids.Contains(t.Id) && t.State == TaskState.Open && db.Entry(t).State == EntityState.Added));
        var ending = await db.Deadlines.Where(d => d.TaskId != null && ids.Contains(d.TaskId.Value) && (d.State == DeadlineState.Running || d.State == DeadlineState.Suspended))
            .ToListAsync(cancellationToken);
        ending.AddRange(db.Deadlines.Local.Where(d => d.TaskId is { } taskId && ids.Contains(taskId) && d.State == DeadlineState.Running && db.Entry(d).State == EntityState.Added));
        foreach (var task in tasks)
        {
            // Withdrawn by the process; a completion command marks it Completed after this runs.
            task.State = TaskState.Cancelled;
            task.CompletedAt = now;
        }

        // Ended after the new tasks are written (EndReleased): a task that follows under the same period may carry it on.
        _released.AddRange(ending);
    }

    private void EndReleased(DateTimeOffset now)
    {
        foreach (var deadline in _released)
        {
            // A suspended deadline's clock is stopped, so ending its task then is on time.
            deadline.State = deadline.State == DeadlineState.Running && now > deadline.DueAt ? DeadlineState.Breached : DeadlineState.Met;
            deadline.SuspendedAt = null;
            deadline.CompletedAt = now;
        }

        _released.Clear();
    }

    /// <summary>
    /// The running period of a task this command just removed that the new task continues: the same case, the same rule,
    /// and a rule counted from receipt (report verification runs from receipt through forwarding, verification and the
    /// head's decision; one period, extended or restarted once, not a fresh one per step). Null when there is none.
    /// </summary>
    private StoredDeadline? CarryOn(StoredCase? storedCase, string? ruleCode)
    {
        if (storedCase is null || ruleCode is null)
        {
            return null;
        }

        var carried = _released.FirstOrDefault(d => d.CaseId == storedCase.Id && d.RuleCode == ruleCode);
        if (carried is null || deadlines.Resolve(ruleCode, storedCase.ReceivedAt)?.Rule.CountsFromReceipt != true)
        {
            return null;
        }

        _released.Remove(carried);
        return carried;
    }

    private void AddBookmark(StoredInstance stored, StoredCase? storedCase, Bookmark bookmark, DateTimeOffset now)
    {
        db.Bookmarks.Add(new StoredBookmark
        {
            Id = bookmark.Id,
            InstanceId = stored.Id,
            Kind = bookmark.Kind,
            ElementId = bookmark.ElementId,
            DueAt = bookmark.DueAt,
            MessageName = bookmark.MessageName,
            CorrelationKey = bookmark.CorrelationKey,
            CreatedAt = now,
        });

        if (bookmark is not { Kind: BookmarkKind.UserTask, Task: { } info })
        {
            return;
        }

        // The deadline decides the task's due instant: a statutory rule may count from receipt, not from now.
        var carried = CarryOn(storedCase, info.DeadlineRule);
        if (carried is not null)
        {
            carried.TaskId = bookmark.Id;
        }

        var deadline = carried ?? (stored.CaseId is { } caseId ? deadlines.Create(caseId, storedCase?.RegulatorReceivedAt ?? storedCase?.ReceivedAt, bookmark.Id, info, now) : null);
        db.Tasks.Add(new StoredTask
        {
            Id = bookmark.Id,
            InstanceId = stored.Id,
            CaseId = stored.CaseId,
            ElementId = bookmark.ElementId,
            Name = info.Name,
            CandidateGroups = info.CandidateGroups.Count == 0 ? "" : "," + string.Join(',', info.CandidateGroups) + ",",
            Assignee = string.IsNullOrWhiteSpace(info.Assignee) ? null : info.Assignee,
            Outcomes = string.Join(',', info.Outcomes),
            DueAt = deadline?.DueAt ?? info.DueAt,
            DueIn = info.DueIn,
            RequiredVariables = TaskRequirements.Format(info.RequiredVariables),
            CreatedAt = now,
            State = TaskState.Open,
        });

        if (deadline is not null && carried is null)
        {
            db.Deadlines.Add(deadline);
        }
    }

    private void AddHistory(StoredInstance stored, StoredCase? storedCase, HistoryEntry entry, string? actor)
    {
        db.HistoryEvents.Add(new StoredHistoryEvent
        {
            InstanceId = stored.Id,
            At = entry.At,
            ElementId = entry.ElementId,
            Event = entry.Event,
            Details = entry.Details,
            Actor = entry.Actor ?? actor,
            Reason = entry.Reason,
        });

        if (storedCase is not null && TimelineEvents.Contains(entry.Event))
        {
            var details = entry.Reason is null ? entry.Details : entry.Details is null ? entry.Reason : $"{entry.Details} — {entry.Reason}";
            AddTimeline(storedCase.Id, entry.At, entry.Actor ?? actor ?? SystemActor, entry.Event, details);
        }
    }

    // The case timeline shows what a handler cares about, not every element the token passed.
    private static readonly HashSet<string> TimelineEvents = new(StringComparer.Ordinal)
    {
        "TaskCreated", "TaskCompleted", "TimerFired", "MessageReceived", "Incident", "InstanceCompleted",
        "InstanceCancelled", "TokenMoved", "IncidentRetried", "InstanceMigrated",
        "TaskCancelled", "ActivityCancelled", "ErrorCaught", "EscalationCaught", "InstanceTerminated",
        "CallActivityStarted", "CallActivityCompleted",
    };

    /// <summary>
    /// Keeps the incident columns equal to the state's incident, so <c>GET /api/incidents</c> is a plain query.
    /// <paramref name="raisedAt"/> is when this command raised it; null when it was raised earlier and only carried over.
    /// </summary>
    private static void CopyIncident(StoredInstance stored, Incident? incident, DateTimeOffset? raisedAt)
    {
        stored.IncidentAt = incident is null ? null : raisedAt ?? stored.IncidentAt;
        stored.IncidentKind = incident?.Kind;
        stored.IncidentElementId = incident?.ElementId;
        stored.IncidentMessage = incident?.Message;
    }

    private void ApplyEffect(StoredCase? storedCase, WorkflowEffect effect, DateTimeOffset now)
    {
        switch (effect)
        {
            case SendEmailEffect email:
                db.OutboxMessages.Add(new StoredOutboxMessage
                {
                    Id = Guid.NewGuid(),
                    IdempotencyKey = email.IdempotencyKey,
                    To = email.To,
                    Subject = email.Subject,
                    Body = email.Body,
                    CaseId = storedCase?.Id,
                    CreatedAt = now,
                    State = OutboxState.Pending,
                    NextAttemptAt = now,
                    MessageId = $"{Guid.NewGuid():N}@caseflow",
                });
                if (storedCase is not null)
                {
                    AddTimeline(storedCase.Id, now, SystemActor, "EmailQueued", email.Subject);
                }

                break;
            case SetCaseStatusEffect status when storedCase is not null:
                var target = Enum.Parse<CaseStatus>(status.Status, ignoreCase: true);
                var from = storedCase.Status;
                storedCase.ChangeStatus(target, now);
                AddTimeline(storedCase.Id, now, SystemActor, "StatusChanged", $"{from} → {target}{(status.Reason is null ? "" : "：" + status.Reason)}");
                break;
            case AssignOfficeEffect office when storedCase is not null:
                storedCase.OfficeId = office.OfficeId;
                if (storedCase.Status is CaseStatus.Accepted)
                {
                    storedCase.ChangeStatus(CaseStatus.Assigned, now);
                }

                AddTimeline(storedCase.Id, now, SystemActor, "OfficeAssigned", office.OfficeId);
                break;
            case CaseTimelineEffect timeline when storedCase is not null:
                AddTimeline(storedCase.Id, now, SystemActor, timeline.Event, timeline.Details);
                break;
            case var outcome when CaseOutcomeEffects.TryApply(db, storedCase, outcome, now):
                break;
            default:
                // Case effects on an instance without a case (a process started directly) have nothing to change.
                break;
        }
    }

    private void AddTimeline(Guid caseId, DateTimeOffset at, string actor, string @event, string? details) =>
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = at, Actor = actor, Event = @event, Details = details });
}
