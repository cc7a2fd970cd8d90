using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Deadlines;
using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>/api/rule-sets</c>: the statutory deadline rule sets (O20, O121, PPR, O310). Anyone signed in reads them; legal
/// officers and admins edit them, validated on save.
/// </summary>
public static class RuleSetsApi
{
    /// <summary>Largest rule set body accepted.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapRuleSetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rule-sets").WithTags("Rule sets").RequireAuthorization();
        group.MapGet("", ListAsync).WithSummary("Every deadline rule set with its rules.");
        group.MapGet("/{id}", GetAsync).WithSummary("One deadline rule set.");
        group.MapPut("/{id}", PutAsync).WithSummary("Creates or replaces a rule set (LegalOfficer, Admin); 400 names the invalid fields.")
            .RequireAuthorization(policy => policy.RequireRole(Roles.LegalOfficer, Roles.Admin));
        return app;
    }

    private static async Task<IResult> ListAsync(RuleSetStore store, CancellationToken cancellationToken) =>
        TypedResults.Json(await store.GetAllAsync(cancellationToken), DeadlineRuleSetJson.Options);

    private static async Task<IResult> GetAsync(string id, RuleSetStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } set
            ? TypedResults.Json(set, DeadlineRuleSetJson.Options)
            : ApiProblems.NotFound($"There is no rule set {id}.");

    private static async Task<IResult> PutAsync(string id, HttpRequest request, RuleSetStore store, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var body = await LimitedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return LimitedBody.TooLarge(MaxBodyBytes);
        }

        DeadlineRuleSet set;
        try
        {
            set = JsonSerializer.Deserialize<DeadlineRuleSet>(body, DeadlineRuleSetJson.Options) ?? throw new JsonException("The body is empty.");
        }
        catch (JsonException ex)
        {
            // The path names the field, so an unknown approver is reported at rules[2].extension.approver.
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return ApiProblems.Field(field, $"{field} has an invalid value: {ex.Message} {field} 的值无效，请检查 JSON 的写法和取值。");
        }

        if (!string.IsNullOrEmpty(set.Id) && !string.Equals(set.Id, id, StringComparison.Ordinal))
        {
            return ApiProblems.Field("id", $"The body's id ({set.Id}) differs from the address ({id}). 正文中的编号（{set.Id}）与地址中的编号（{id}）不一致。");
        }

        set = set with { Id = id };
        var errors = await store.SaveAsync(set, CurrentUser.From(principal).UserName, cancellationToken);
        return errors.Count > 0
            ? ApiProblems.Validation(errors, $"Rule set {id} was not saved. 规则集 {id} 未保存。")
            : TypedResults.Json(set, DeadlineRuleSetJson.Options);
    }
}
