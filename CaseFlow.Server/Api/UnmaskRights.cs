using CaseFlow.Server.Auth;

namespace CaseFlow.Server.Api;

/// <summary>Who may see personal data unmasked: the PersonalDataReader role and supervisors (admins run the system, not cases).</summary>
internal static class UnmaskRights
{
    public static bool MayUnmask(CurrentUser user) => user.Roles.Contains(Roles.Supervisor) || user.Roles.Contains(Roles.PersonalDataReader);
}
