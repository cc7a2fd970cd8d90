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

    public static string User(string userName) => "user:" + userName;

    public static string Group(string group) => "group:" + group;
}
