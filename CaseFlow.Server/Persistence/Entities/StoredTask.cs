namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A human task; its id is the user-task bookmark id. Kept after completion as the record of who decided what.</summary>
public sealed class StoredTask
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid? CaseId { get; set; }

    public required string ElementId { get; set; }

    public required string Name { get; set; }

    /// <summary>Candidate groups wrapped in commas (",office-1,intake,") so one LIKE finds a group exactly.</summary>
    public required string CandidateGroups { get; set; }

    public string? Assignee { get; set; }

    /// <summary>Allowed outcomes, comma-separated.</summary>
    public required string Outcomes { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Variables a completion must carry, as "outcome:var1,var2;*:var3".</summary>
    public string? RequiredVariables { get; set; }

    public string? DueIn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public TaskState State { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    public string? Outcome { get; set; }

    public IReadOnlyList<string> CandidateGroupList =>
        CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> OutcomeList =>
        Outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
