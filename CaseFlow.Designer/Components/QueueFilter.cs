namespace CaseFlow.Designer.Components;

/// <summary>
/// What the workbench shows of a queue: text in the case number, subject or respondent; one step; and only tasks due
/// within two working days or overdue. Filtering happens on the loaded queue (at most 200 rows per queue).
/// </summary>
public sealed record QueueFilter(string Text, string? Step, bool UrgentOnly)
{
    public static readonly QueueFilter None = new(string.Empty, null, false);

    public IReadOnlyList<Api.TaskItem> Apply(IReadOnlyList<Api.TaskItem> tasks) => tasks.Where(Matches).ToList();

    private bool Matches(Api.TaskItem task) =>
        (Text.Length == 0 || Contains(task.CaseNumber) || Contains(task.CaseSubject) || Contains(task.RespondentName))
        && (Step is null || task.Name == Step)
        && (!UrgentOnly || task.WorkingDaysLeft is <= 2);

    private bool Contains(string? value) => value is not null && value.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase);
}
