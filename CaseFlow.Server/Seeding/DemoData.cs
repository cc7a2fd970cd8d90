using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Seeding;

/// <summary>The demo offices and users of the public contract (password <c>caseflow-demo</c>).</summary>
public static class DemoData
{
    public const string Password = "caseflow-demo";

    public static IReadOnlyList<StoredOffice> Offices { get; } =
    [
        new() { Id = "office-1", Name = "城关市场监管所", Email = "office-1@caseflow.example" },
        new() { Id = "office-2", Name = "开发区市场监管所", Email = "office-2@caseflow.example" },
    ];

    /// <summary>(user, display name, roles, groups).</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string Roles, string Groups)> Users { get; } =
    [
        ("intake", "受理员 张敏", Auth.Roles.Intake, "intake"),
        ("handler1", "办案员 李强（城关所）", Auth.Roles.Handler, "office-1"),
        ("handler2", "办案员 王芳（开发区所）", Auth.Roles.Handler, "office-2"),
        // The chief holds the bureau's offices (正职负责人, a 局负责人, and 所长 of both offices, as in a small county bureau);
        // the deputies make the heads a body for collective discussion (PPR Art. 60, 64). They are not in "supervisors":
        // that group receives the 督办 escalations of cases without an office, which stay with the chief.
        ("chief", "局长 赵刚", Auth.Roles.Supervisor, "supervisors,office-1,office-2,bureau-chief,bureau-heads,office-1-head,office-2-head"),
        ("deputy1", "副局长 钱明", Auth.Roles.Supervisor, "bureau-heads"),
        ("deputy2", "副局长 孙丽", Auth.Roles.Supervisor, "bureau-heads"),
        ("legal", "法制员 陈静", Auth.Roles.LegalOfficer, "legal"),
        ("admin", "系统管理员", Auth.Roles.Admin, ""),
    ];

    /// <summary>The groups of <paramref name="groups"/> (comma-separated) that <paramref name="user"/> does not have yet.</summary>
    public static IReadOnlyList<string> MissingGroups(StoredUser user, string groups)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(groups);
        return groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Except(user.GroupList, StringComparer.Ordinal).ToList();
    }

    public static StoredUser CreateUser((string UserName, string DisplayName, string Roles, string Groups) user, string passwordHash) => new()
    {
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        PasswordHash = passwordHash,
        Email = $"{user.UserName}@caseflow.example",
        Roles = user.Roles,
        Groups = user.Groups,
        IsDemo = true,
    };
}
