using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Scheduling;

/// <summary><c>CaseFlow:Scheduling</c>: how timers are fired, retried and reconciled.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "CaseFlow:Scheduling";

    /// <summary>The single node's id on SQLite; on PostgreSQL this default becomes a generated id per node.</summary>
    public const string DefaultInstanceId = "caseflow-node";

    /// <summary>Quartz scheduler name; every node of one database must use the same one.</summary>
    [Required]
    public string SchedulerName { get; set; } = "caseflow";

    /// <summary>This node's id in the job store; distinct per node once Quartz is clustered.</summary>
    [Required]
    public string InstanceId { get; set; } = DefaultInstanceId;

    /// <summary>Timers firing at once. Each firing is a short database transaction, so a few threads suffice.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How late a trigger may be before it counts as misfired; misfired timers fire at once.</summary>
    [Range(1, 3600)]
    public double MisfireThresholdSeconds { get; set; } = 10;

    /// <summary>Retries of a firing that threw, after the first attempt.</summary>
    [Range(1, 20)]
    public int RetryAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry of a failed firing; doubled on each further retry.</summary>
    [Range(0.1, 3600)]
    public double RetryBaseDelaySeconds { get; set; } = 5;

    /// <summary>Longest wait between retries of a failed firing.</summary>
    [Range(1, 86400)]
    public double RetryMaxDelaySeconds { get; set; } = 300;

    /// <summary>How often open timer bookmarks are compared with the job store's triggers.</summary>
    [Range(0.1, 86400)]
    public double ReconcileIntervalSeconds { get; set; } = 60;

    /// <summary>Whether the escalation sweep runs on a schedule; false leaves it to <c>POST /api/admin/escalations/sweep</c> (tests, maintenance).</summary>
    public bool EscalationSweepEnabled { get; set; } = true;

    /// <summary>How often the escalation sweep looks for deadline warnings and escalation steps that are due.</summary>
    [Range(0.1, 3600)]
    public double EscalationSweepSeconds { get; set; } = 15;

    /// <summary>Deadlines whose ladders are fired in one transaction.</summary>
    [Range(1, 10000)]
    public int EscalationBatchSize { get; set; } = 500;

    /// <summary>How long one sweep may run before leaving the rest to the next; keeps a wave from holding the job for ever.</summary>
    [Range(1, 3600)]
    public double EscalationSweepBudgetSeconds { get; set; } = 60;

    /// <summary>PostgreSQL cluster: how often a node records that it is alive.</summary>
    [Range(0.5, 3600)]
    public double ClusterCheckinIntervalSeconds { get; set; } = 5;

    /// <summary>PostgreSQL cluster: how long past its check-in a node may be silent before the others take over its jobs.</summary>
    [Range(1, 3600)]
    public double ClusterCheckinMisfireThresholdSeconds { get; set; } = 10;
}
