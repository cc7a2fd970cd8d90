using CaseFlow.Server.Absences;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The office-holders the law names, as groups of the directory: <c>bureau-chief</c> (正职负责人, O310 Art. 5),
/// <c>bureau-heads</c> (局负责人: the chief and the deputies; PPR Art. 18-20, 60, 64) and <c>&lt;officeId&gt;-head</c>
/// (所长 of one office). A task offered only to such groups is a decision of that office: only its holders, or the one
/// a holder entrusted while away (an absence with a deputy, O310 Art. 5 "主持工作的负责人"), may claim, complete or be
/// given it. Being an administrator, or a supervisor outside the group, is not enough: admins run the system, not cases.
/// </summary>
public static class OfficeHolders
{
    /// <summary>正职负责人: the bureau's chief.</summary>
    public const string BureauChief = "bureau-chief";

    /// <summary>局负责人: the chief and the deputies; collective discussion is among them.</summary>
    public const string BureauHeads = "bureau-heads";

    private const string OfficeHeadSuffix = "-head";

    /// <summary>The group of the head of office <paramref name="officeId"/> (所长), e.g. <c>office-1-head</c>.</summary>
    public static string OfficeHead(string officeId) => officeId + OfficeHeadSuffix;

    /// <summary>Whether <paramref name="group"/> is an office of the directory rather than a working group.</summary>
    public static bool IsHeadGroup(string group) =>
        group is BureauChief or BureauHeads || (group.EndsWith(OfficeHeadSuffix, StringComparison.Ordinal) && group.Length > OfficeHeadSuffix.Length);

    /// <summary>Whether the task is a decision reserved to office-holders: every candidate group is a head group.</summary>
    public static bool IsReserved(StoredTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var groups = task.CandidateGroupList;
        return groups.Count > 0 && groups.All(IsHeadGroup);
    }

    /// <summary>
    /// Whether <paramref name="userName"/> (with <paramref name="groups"/>) holds one of the task's offices now, or stands
    /// in for a holder who is away and named them as deputy. Tasks not reserved to office-holders answer true.
    /// </summary>
    public static async Task<bool> MayDecideAsync(CaseFlowDbContext db, StoredTask task, string userName, IEnumerable<string> groups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsReserved(task))
        {
            return true;
        }

        var offices = task.CandidateGroupList;
        if (groups.Any(offices.Contains))
        {
            return true;
        }

        return await EntrustingHolderAsync(db, offices, userName, now, cancellationToken) is not null;
    }

    /// <summary>The absent holder of one of <paramref name="offices"/> whose deputy (followed through deputies of deputies) is <paramref name="userName"/>, or null.</summary>
    public static async Task<string?> EntrustingHolderAsync(CaseFlowDbContext db, IReadOnlyList<string> offices, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var deputies = await Deputies.LoadAsync(db, now, cancellationToken);
        var holders = await HoldersAsync(db, offices, cancellationToken);
        return holders.Select(h => h.UserName).FirstOrDefault(h => deputies.IsAbsent(h) && deputies.Resolve(h) == userName);
    }

    /// <summary>The active users holding any of <paramref name="offices"/>, by user name.</summary>
    public static async Task<List<StoredUser>> HoldersAsync(CaseFlowDbContext db, IReadOnlyList<string> offices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).ToListAsync(cancellationToken);
        return users.Where(u => u.GroupList.Any(offices.Contains)).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The refusal text for a user who does not hold the office a task is reserved to.</summary>
    public static string Refusal(StoredTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var offices = string.Join(", ", task.CandidateGroupList);
        return $"This decision belongs to the office-holders of {offices} (or the one a holder entrusted while away); you do not hold that office. 该决定须由{offices}的负责人（或其外出时委托主持工作的负责人）作出。";
    }

    /// <summary>The signed-in user's display name from the directory, or the user name.</summary>
    public static async Task<string> DisplayNameAsync(CaseFlowDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return await db.Users.AsNoTracking().Where(u => u.UserName == user.UserName).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? user.UserName;
    }
}
