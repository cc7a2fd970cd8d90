using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// The directory as every signed-in user reads it: who the people and offices behind logins and group names are, so
/// screens show 李强（城关所） instead of handler1, and pickers offer the people who may take a step. Active accounts
/// only, and nothing personal beyond the name a colleague sees (no email, no lock state); keeping it is
/// <see cref="DirectoryAdminApi"/> (Admin).
/// </summary>
public static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/directory", ReadAsync)
            .WithTags("Directory")
            .RequireAuthorization()
            .WithSummary("Active users (login, display name, roles, groups) and offices (id, name), for names and pickers.");
        return app;
    }

    public sealed record DirectoryUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

    public sealed record DirectoryOffice(string Id, string Name);

    public sealed record DirectoryResponse(IReadOnlyList<DirectoryUser> Users, IReadOnlyList<DirectoryOffice> Offices);

    private static async Task<IResult> ReadAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).ToListAsync(cancellationToken);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DirectoryResponse(
            users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => new DirectoryUser(u.UserName, u.DisplayName, u.RoleList, u.GroupList)).ToList(),
            offices.Select(o => new DirectoryOffice(o.Id, o.Name)).ToList()));
    }
}
