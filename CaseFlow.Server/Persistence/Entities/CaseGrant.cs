namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// One reason a user may see a case through one of its tasks (see <c>Security/CaseAccess</c>): the task is assigned to
/// <c>user:&lt;name&gt;</c> or offered to <c>group:&lt;name&gt;</c>, open or completed. Derived from <see cref="StoredTask"/>
/// in the same save by <see cref="CaseGrantIndex"/>, so "may this user see this case" is an index probe instead of a
/// <c>LIKE</c> scan over every task ever created.
/// </summary>
public sealed class CaseGrant
{
    /// <summary><c>user:&lt;assignee&gt;</c> or <c>group:&lt;candidate group&gt;</c>.</summary>
    public required string Principal { get; init; }

    public Guid TaskId { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>
    /// The case's <c>ReceivedAt</c>, copied so a user's newest granted cases are one index range read in order (the case
    /// list's page) instead of a probe per granted case. Kept equal to the case's by <see cref="CaseGrantCaseValues"/>.
    /// </summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>
    /// The case's <c>OfficeId</c>, copied so the list's total can count the granted cases outside the user's offices
    /// from the grant rows alone; follows the case when it moves office, in the same save (<see cref="CaseGrantCaseValues"/>).
    /// </summary>
    public string? OfficeId { get; set; }

    public static string User(string userName) => "user:" + userName;

    public static string Group(string group) => "group:" + group;
}
