using System.Security.Claims;
using System.Text.RegularExpressions;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// The directory as an administrator keeps it (Admin): users (list, create, roles and group membership), the groups
/// that candidate groups name, and the offices. Disabling a user is <see cref="UsersAdminApi"/>. Group membership is
/// read from the user on every request, so a change applies to the member's next call without a new sign-in.
/// </summary>
public static partial class DirectoryAdminApi
{
    private static readonly string[] KnownRoles = [Roles.Intake, Roles.Handler, Roles.Supervisor, Roles.LegalOfficer, Roles.Admin, Roles.PersonalDataReader];

    public static IEndpointRouteBuilder MapDirectoryAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/users", ListUsersAsync).WithSummary("Every account with its roles, groups and whether it is disabled or locked.");
        group.MapPost("/users", CreateUserAsync).WithSummary("Creates an account; 400 names the invalid field, 409 when the user name is taken.");
        group.MapPut("/users/{userName}/membership", SetMembershipAsync).WithSummary("Replaces a user's roles and groups.");
        group.MapGet("/groups", ListGroupsAsync).WithSummary("Every group a user belongs to or an office stands for, with its members.");
        group.MapGet("/offices", ListOfficesAsync).WithSummary("The supervision offices.");
        group.MapPut("/offices/{id}", PutOfficeAsync).WithSummary("Creates or renames an office; its id is also its handlers' group.");
        return app;
    }

    public sealed record UserResponse(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, bool Disabled, DateTimeOffset? LockedUntil);

    public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Email, string? Password, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Groups);

    public sealed record MembershipRequest(IReadOnlyList<string>? Roles, IReadOnlyList<string>? Groups);

    public sealed record GroupResponse(string Name, string? OfficeName, IReadOnlyList<string> Members);

    public sealed record OfficeRequest(string? Name, string? Email);

    public sealed record OfficeResponse(string Id, string Name, string? Email);

    private static async Task<IResult> ListUsersAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(ToResponse).ToList());
    }

    private static async Task<IResult> CreateUserAsync(CreateUserRequest? request, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var userName = request?.UserName?.Trim() ?? string.Empty;
        if (!UserNamePattern().IsMatch(userName))
        {
            errors["userName"] = ["Use 2 to 64 lower-case letters, digits, dots or dashes, starting with a letter. 用户名须以小写字母开头，由 2–64 个小写字母、数字、点或连字符组成。"];
        }

        if (string.IsNullOrWhiteSpace(request?.DisplayName))
        {
            errors["displayName"] = ["The display name is required. 请填写姓名。"];
        }

        if (PasswordPolicy.Check(request?.Password, userName) is { } weak)
        {
            errors["password"] = [weak];
        }

        if (!string.IsNullOrWhiteSpace(request?.Email) && !Cases.EmailAddresses.IsSingleAddress(request.Email))
        {
            errors["email"] = [Cases.EmailAddresses.Problem];
        }

        AddMembershipErrors(request?.Roles, request?.Groups, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            return ApiProblems.Conflict($"User {userName} already exists. 用户名 {userName} 已存在。");
        }

        var user = new StoredUser
        {
            UserName = userName,
            DisplayName = request!.DisplayName!.Trim(),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            PasswordHash = PasswordHasher.Hash(request.Password!),
            Roles = string.Join(',', request.Roles!.Select(r => r.Trim())),
            Groups = string.Join(',', Clean(request.Groups)),
        };
        db.Users.Add(user);
        AuditTrail.Add(db, clock.GetUtcNow(), CurrentUser.From(principal).UserName, "UserCreated", null, userName, $"roles {user.Roles}; groups {user.Groups}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"User {userName} already exists. 用户名 {userName} 已存在。");
        }

        return TypedResults.Created($"/api/admin/users/{userName}", ToResponse(user));
    }

    private static async Task<IResult> SetMembershipAsync(string userName, MembershipRequest? request, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        AddMembershipErrors(request?.Roles, request?.Groups, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var user = await db.Users.FindAsync([userName], cancellationToken);
        if (user is null)
        {
            return ApiProblems.NotFound($"User {userName} does not exist.");
        }

        var actor = CurrentUser.From(principal).UserName;
        if (actor == userName && !request!.Roles!.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            // The last way back in would be the database: an administrator may not take away their own Admin role.
            return ApiProblems.Field("roles", "You cannot remove your own Admin role. 不能移除自己的管理员角色。");
        }

        user.Roles = string.Join(',', request!.Roles!.Select(r => r.Trim()));
        user.Groups = string.Join(',', Clean(request.Groups));
        AuditTrail.Add(db, clock.GetUtcNow(), actor, "UserMembershipChanged", null, userName, $"roles {user.Roles}; groups {user.Groups}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(user));
    }

    private static async Task<IResult> ListGroupsAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var names = users.SelectMany(u => u.GroupList).Union(offices.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return TypedResults.Ok(names.Select(name => new GroupResponse(
            name,
            offices.GetValueOrDefault(name),
            users.Where(u => u.GroupList.Contains(name, StringComparer.Ordinal)).Select(u => u.UserName).Order(StringComparer.Ordinal).ToList())).ToList());
    }

    private static async Task<IResult> ListOfficesAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(offices.Select(o => new OfficeResponse(o.Id, o.Name, o.Email)).ToList());
    }

    private static async Task<IResult> PutOfficeAsync(string id, OfficeRequest? request, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!GroupPattern().IsMatch(id))
        {
            errors["id"] = ["Use lower-case letters, digits and dashes, starting with a letter (e.g. office-3). 机构编号以小写字母开头，只含小写字母、数字和连字符。"];
        }

        if (string.IsNullOrWhiteSpace(request?.Name))
        {
            errors["name"] = ["The office name is required. 请填写机构名称。"];
        }

        if (!string.IsNullOrWhiteSpace(request?.Email) && !Cases.EmailAddresses.IsSingleAddress(request.Email))
        {
            errors["email"] = [Cases.EmailAddresses.Problem];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var office = await db.Offices.FindAsync([id], cancellationToken);
        var created = office is null;
        office ??= db.Offices.Add(new StoredOffice { Id = id, Name = "" }).Entity;
        office.Name = request!.Name!.Trim();
        office.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        AuditTrail.Add(db, clock.GetUtcNow(), CurrentUser.From(principal).UserName, created ? "OfficeCreated" : "OfficeChanged", null, id, office.Name);
        await db.SaveChangesAsync(cancellationToken);
        var response = new OfficeResponse(office.Id, office.Name, office.Email);
        return created ? TypedResults.Created($"/api/admin/offices/{id}", response) : TypedResults.Ok(response);
    }

    private static void AddMembershipErrors(IReadOnlyList<string>? roles, IReadOnlyList<string>? groups, Dictionary<string, string[]> errors)
    {
        if (roles is null || roles.Count == 0)
        {
            errors["roles"] = ["Give the user at least one role. 请至少选择一个角色。"];
        }
        else if (roles.FirstOrDefault(r => !KnownRoles.Contains(r.Trim(), StringComparer.Ordinal)) is { } unknown)
        {
            errors["roles"] = [$"Unknown role '{unknown}'; use {string.Join(", ", KnownRoles)}. 未知角色 {unknown}。"];
        }

        if (groups?.FirstOrDefault(g => !GroupPattern().IsMatch(g.Trim())) is { } badGroup)
        {
            errors["groups"] = [$"Group '{badGroup}' must be lower-case letters, digits and dashes. 组名 {badGroup} 只能含小写字母、数字和连字符。"];
        }
    }

    private static IEnumerable<string> Clean(IReadOnlyList<string>? groups) =>
        (groups ?? []).Select(g => g.Trim()).Distinct(StringComparer.Ordinal);

    private static UserResponse ToResponse(StoredUser u) =>
        new(u.UserName, u.DisplayName, u.Email, u.RoleList, u.GroupList, u.IsDisabled, u.LockedUntil);

    [GeneratedRegex("^[a-z][a-z0-9.-]{1,63}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex GroupPattern();
}
