using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A statutory or local deadline on a case, created when a timed task opens.</summary>
public sealed class StoredDeadline
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The task that must be done by the deadline.</summary>
    public Guid? TaskId { get; set; }

    public required string Name { get; set; }

    /// <summary>The counting rule, e.g. "7wd".</summary>
    public required string Rule { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DeadlineState State { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The statutory rule's code (e.g. complaint.acceptance); null for a plain <c>caseflow:dueIn</c> deadline.</summary>
    public string? RuleCode { get; set; }

    /// <summary>The rule set the rule came from (the one in force when the case was received).</summary>
    public string? RuleSetId { get; set; }

    /// <summary>Law and article, e.g. 《市场监督管理投诉举报处理办法》第十五条.</summary>
    public string? LegalBasis { get; set; }

    /// <summary>How the rule counts; suspensions and extensions move the due instant in this unit.</summary>
    public DeadlineUnit? Unit { get; set; }

    /// <summary>Extensions granted so far.</summary>
    public int ExtensionCount { get; set; }

    /// <summary>When the running suspension began; null unless <see cref="State"/> is suspended.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>When the escalation sweep should next look at this deadline's ladder; null when nothing is left to fire.</summary>
    public DateTimeOffset? NextStepAt { get; set; }

    /// <summary>Bumped by every ladder firing and every move of the due instant, so a sweep planned on stale data loses.</summary>
    public int LadderVersion { get; set; }

    /// <summary>Moves the due instant (and its task's) and asks the sweep to plan the ladder again against it.</summary>
    public void MoveDue(DateTimeOffset due, StoredTask? task, DateTimeOffset now)
    {
        DueAt = due;
        if (task is not null)
        {
            task.DueAt = due;
        }

        Replan(now);
    }

    /// <summary>Asks the sweep to plan the ladder again from now (after a move, or when the clock restarts).</summary>
    public void Replan(DateTimeOffset now)
    {
        NextStepAt = RuleCode is null ? null : now;
        LadderVersion++;
    }
}
