using System.Security.Claims;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Api;

/// <summary><c>/api/admin/users/{userName}/disable|enable</c>: switching an account off revokes its tokens at once (Admin).</summary>
public static class UsersAdminApi
{
    public static IEndpointRouteBuilder MapUsersAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users/{userName}").WithTags("Users").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPost("/disable", (string userName, CaseFlowDbContext db, TimeProvider clock, SignInThrottle throttle, ClaimsPrincipal principal, CancellationToken ct) => SetDisabledAsync(userName, true, db, clock, throttle, principal, ct))
            .WithSummary("Disables the account and revokes all its tokens.");
        group.MapPost("/enable", (string userName, CaseFlowDbContext db, TimeProvider clock, SignInThrottle throttle, ClaimsPrincipal principal, CancellationToken ct) => SetDisabledAsync(userName, false, db, clock, throttle, principal, ct))
            .WithSummary("Enables the account again and clears its sign-in backoff.");
        return app;
    }

    private static async Task<IResult> SetDisabledAsync(string userName, bool disabled, CaseFlowDbContext db, TimeProvider clock, SignInThrottle throttle, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([userName], cancellationToken);
        if (user is null)
        {
            return ApiProblems.NotFound($"User {userName} does not exist.");
        }

        var now = clock.GetUtcNow();
        user.IsDisabled = disabled;
        user.LockedUntil = null;
        user.FailedSignIns = 0;
        throttle.Forget(userName);
        if (disabled)
        {
            await AuthApi.RevokeAllAsync(db, userName, now, cancellationToken);
        }

        AuditTrail.Add(db, now, CurrentUser.From(principal).UserName, disabled ? "UserDisabled" : "UserEnabled", null, userName, disabled ? "all tokens revoked" : null);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new { userName, disabled });
    }
}
