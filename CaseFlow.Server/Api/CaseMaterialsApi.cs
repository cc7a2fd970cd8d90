using System.Security.Claims;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Security;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>PUT /api/cases/{id}/materials</c>: materials supplied after registration (补正, a call-back, a transfer letter's
/// number). The same people who register cases record them, on cases they can see.
/// </summary>
public static class CaseMaterialsApi
{
    public static IEndpointRouteBuilder MapCaseMaterialsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/cases/{id:guid}/materials", SupplyAsync).WithTags("Cases")
            .RequireAuthorization(p => p.RequireRole(Roles.Intake, Roles.Supervisor, Roles.Admin))
            .WithSummary("Records materials supplied after registration (补正); the warnings on the case follow.");
        app.MapGet("/api/legal-texts", GetLegalTexts).WithTags("Cases").RequireAuthorization()
            .WithSummary("The complaint rules in force on a receipt date (Order 20 before 2026-04-15, Order 121 from then) and the citations the intake form shows.");
        return app;
    }

    private static IResult GetLegalTexts(string? receivedOn)
    {
        if (!DateOnly.TryParseExact(receivedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return ApiProblems.Field("receivedOn", "请按 2026-04-15 的格式填写收到日期。receivedOn must be a date like 2026-04-15.");
        }

        return TypedResults.Ok(CaseLegalTexts.On(date));
    }

    private static async Task<IResult> SupplyAsync(Guid id, SupplyMaterialsRequest? request, CaseMaterials materials, CaseAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        if (!await access.CanSeeAsync(id, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Case {id} does not exist.");
        }

        if (request is null)
        {
            return ApiProblems.Field("body", "请求正文必须是补录材料的 JSON 对象。The body must be a JSON object with the supplied materials.");
        }

        var errors = new Dictionary<string, string[]>();
        CaseRequestValidator.CheckComplainant(errors, request.Complainant);
        CaseRequestValidator.CheckRespondentFields(errors, request.Respondent);
        CaseRequestValidator.CheckSource(errors, request.Source);
        if (request.Note is { Length: > 500 })
        {
            errors["note"] = ["说明不超过 500 个字符。note is longer than 500 characters."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var (result, fields) = await materials.SupplyAsync(id, request, user.UserName, cancellationToken);
        return result switch
        {
            CaseMaterials.Result.Supplied => TypedResults.Ok(new { id, supplied = fields }),
            CaseMaterials.Result.NothingGiven => ApiProblems.Field("body", "请至少填写一项补录的材料。Give at least one material."),
            CaseMaterials.Result.NotRunning => ApiProblems.Conflict("案件已办结，不能再补录材料。The case is closed; its materials can no longer be supplied."),
            _ => ApiProblems.NotFound($"Case {id} does not exist."),
        };
    }
}
