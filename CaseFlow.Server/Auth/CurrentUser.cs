using System.Security.Claims;

namespace CaseFlow.Server.Auth;

/// <summary>The signed-in user as endpoints need it: name, roles and groups (Admin is in every group).</summary>
public sealed record CurrentUser(string UserName, IReadOnlySet<string> Roles, IReadOnlySet<string> Groups)
{
    public bool IsAdmin => Roles.Contains(Auth.Roles.Admin);

    public bool IsSupervisorOrAdmin => IsAdmin || Roles.Contains(Auth.Roles.Supervisor);

    public bool IsInAnyGroup(IEnumerable<string> groups) => IsAdmin || groups.Any(Groups.Contains);

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.Identity?.Name ?? throw new InvalidOperationException("No signed-in user.");
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var groups = principal.FindAll(CaseFlowClaims.Group).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new CurrentUser(name, roles, groups);
    }
}
