using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;
using CaseFlow.Workflows.Deadlines.Ladder;

namespace CaseFlow.Server.Escalations;

/// <summary>
/// Adds what one fired ladder step does to the unit of work: the escalation row, the case timeline entry, the emails
/// in the outbox and, for a reassignment, the task's new holder. The sweep saves them together with the deadline.
/// </summary>
internal sealed class LadderStepWriter(CaseFlowDbContext db, IBusinessCalendar calendar, LadderRecipients recipients, string node)
{
    private const string SystemActor = "system";

    /// <summary>Fires <paramref name="step"/> of <paramref name="deadline"/>; returns the number of emails queued.</summary>
    public int Fire(StoredDeadline deadline, LadderStep step, StoredTask? task, StoredCase storedCase, DateTimeOffset now)
    {
        var kind = KindOf(step.Action);
        var previousHolder = task?.Assignee;
        string? reassignedTo = null;
        if (kind == EscalationKind.Reassign && task is { State: TaskState.Open })
        {
            reassignedTo = Reassign(task, step.Role);
        }

        // A reassignment tells the group now offered the task and the holder it was taken from.
        var people = kind == EscalationKind.Reassign
            ? recipients.For(EscalationLadder.AssigneeRole, task, storedCase.OfficeId).Concat(recipients.Person(previousHolder)).DistinctBy(u => u.UserName).ToList()
            : recipients.For(step.Role, task, storedCase.OfficeId);

        var facts = new LadderFacts(
            kind,
            storedCase.Number,
            storedCase.Subject,
            task?.Name ?? deadline.Name,
            deadline.Name,
            deadline.LegalBasis ?? deadline.Rule,
            calendar.ToLocalDate(deadline.DueAt),
            calendar.WorkingDaysLeft(calendar.ToLocalDate(now), calendar.ToLocalDate(deadline.DueAt)),
            previousHolder,
            reassignedTo);

        db.Escalations.Add(new StoredEscalation
        {
            Id = Guid.NewGuid(),
            DeadlineId = deadline.Id,
            CaseId = deadline.CaseId,
            TaskId = deadline.TaskId,
            StepKey = step.Key,
            Kind = kind,
            Level = step.Level,
            Occurrence = step.Occurrence,
            Role = step.Role,
            Recipients = string.Join(',', people.Select(u => u.UserName)),
            DueAt = deadline.DueAt,
            FiredAt = now,
            FiredBy = node,
        });
        db.CaseEvents.Add(new StoredCaseEvent
        {
            CaseId = deadline.CaseId,
            At = now,
            Actor = SystemActor,
            Event = LadderTexts.EventName(kind),
            Details = LadderTexts.Timeline(facts, people.Select(u => u.DisplayName).ToList()),
        });

        var queued = 0;
        foreach (var user in people.Where(u => !string.IsNullOrWhiteSpace(u.Email)))
        {
            db.OutboxMessages.Add(new StoredOutboxMessage
            {
                Id = Guid.NewGuid(),

                // Unique in the outbox: a step re-planned after a lost race cannot queue its email twice.
                IdempotencyKey = $"ladder:{deadline.Id:N}:{step.Key}:{user.UserName}",
                To = user.Email!,
                Subject = LadderTexts.Subject(facts),
                Body = LadderTexts.Body(facts, user.DisplayName),
                CaseId = deadline.CaseId,
                CreatedAt = now,
                State = OutboxState.Pending,
                NextAttemptAt = now,
                MessageId = $"{Guid.NewGuid():N}@caseflow",
            });
            queued++;
        }

        return queued;
    }

    /// <summary>Takes the task from its holder and offers it to <paramref name="role"/> (<c>assignee</c>: its own groups again).</summary>
    private static string Reassign(StoredTask task, string role)
    {
        task.Assignee = null;
        if (!string.Equals(role, EscalationLadder.AssigneeRole, StringComparison.OrdinalIgnoreCase))
        {
            task.CandidateGroups = "," + role + ",";
        }

        return string.Join("、", task.CandidateGroupList);
    }

    private static EscalationKind KindOf(EscalationAction? action) => action switch
    {
        null => EscalationKind.Warning,
        EscalationAction.SupervisionItem => EscalationKind.SupervisionItem,
        EscalationAction.Reassign => EscalationKind.Reassign,
        EscalationAction.NotifyDirector => EscalationKind.NotifyDirector,
        _ => EscalationKind.Remind,
    };
}
