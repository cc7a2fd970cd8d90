using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// O121 Art. 35(2): the same reporter adds new facts against the same target; the report is merged into the open one
/// and its verification period counts again from the last report. One SaveChanges: the facts, the deadline, the
/// task's due instant, the change row and the timeline entry.
/// </summary>
public sealed class ReportFactsMerger(CaseFlowDbContext db, RuleSetStore ruleSets, IBusinessCalendar calendar, TimeProvider clock)
{
    private const string VerificationRule = "report.verification";

    /// <summary>The outcome: the restarted deadline, or the field / conflict that stopped it.</summary>
    public sealed record Outcome(StoredDeadline? Deadline, string? Field = null, string? Problem = null, bool NotFound = false);

    public async Task<Outcome> MergeAsync(Guid caseId, string facts, DateTimeOffset? receivedAt, string actor, CancellationToken cancellationToken)
    {
        var report = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (report is null)
        {
            return new Outcome(null, NotFound: true);
        }

        if (report.Kind != "report" || report.Status is CaseStatus.Closed or CaseStatus.Filed or CaseStatus.NotFiled or CaseStatus.Transferred or CaseStatus.Decided)
        {
            return new Outcome(null, Problem: $"Case {report.Number} is not an open report ({report.Kind}, {report.Status}); new facts start a new report instead.");
        }

        var now = clock.GetUtcNow();
        var received = receivedAt ?? now;
        if (received > now.AddMinutes(5) || received < report.ReceivedAt)
        {
            return new Outcome(null, Field: "receivedAt", Problem: "receivedAt must lie between the report's receipt and now. 收到时间须在首次举报之后、当前时间之前。");
        }

        var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.CaseId == caseId && d.RuleCode == VerificationRule && (d.State == DeadlineState.Running || d.State == DeadlineState.Suspended), cancellationToken);
        var rule = deadline?.RuleSetId is { } setId ? (await ruleSets.GetAsync(setId, cancellationToken))?.Rules.FirstOrDefault(r => r.Code == VerificationRule) : null;
        report.Description = $"{report.Description}\n【补充事实 {calendar.ToLocalDate(received):yyyy-MM-dd}】{facts.Trim()}";
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = now, Actor = actor, Event = "FactsMerged", Details = "同一举报人补充新的事实，合并处理（第三十五条第二款）" });
        if (deadline is null || rule is null)
        {
            // Not yet forwarded: the verification period opens later and counts from the (unchanged) receipt.
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(null);
        }

        var before = deadline.DueAt;
        deadline.StartedAt = received;
        deadline.DueAt = DeadlineArithmetic.ComputeDue(calendar, rule, received);
        deadline.State = DeadlineState.Running;
        deadline.SuspendedAt = null;
        deadline.ExtensionCount = 0;
        if (deadline.TaskId is { } taskId && await db.Tasks.FindAsync([taskId], cancellationToken) is { } task)
        {
            task.DueAt = deadline.DueAt;
        }

        db.DeadlineChanges.Add(new StoredDeadlineChange
        {
            DeadlineId = deadline.Id,
            CaseId = caseId,
            Kind = DeadlineChangeKind.Restarted,
            At = now,
            Actor = actor,
            Reason = "补充新的事实，自收到最后一次举报之日起重新计算处理期限",
            DueBefore = before,
            DueAfter = deadline.DueAt,
        });
        db.CaseEvents.Add(new StoredCaseEvent
        {
            CaseId = caseId,
            At = now,
            Actor = actor,
            Event = "DeadlineRestarted",
            Details = $"{deadline.Name}：自 {calendar.ToLocalDate(received):yyyy-MM-dd} 重新计算，至 {calendar.ToLocalDate(deadline.DueAt):yyyy-MM-dd}；依据 《市场监督管理投诉举报处理办法》第三十五条第二款",
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(deadline);
    }
}
