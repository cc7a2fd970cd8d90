using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>/api/templates</c>: the versioned letter and email templates (受理回执, 受理告知, 不予受理告知, 终止调解告知, 移送书, 督办, 临期提醒).
/// Legal officers and admins read, edit (each save is a new version) and preview them.
/// </summary>
public static class LetterTemplatesApi
{
    public static IEndpointRouteBuilder MapLetterTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/templates").WithTags("Letter templates")
            .RequireAuthorization(policy => policy.RequireRole(Roles.LegalOfficer, Roles.Admin));
        group.MapGet("", ListAsync).WithSummary("The current version of every letter template.");
        group.MapGet("/{code}", GetAsync).WithSummary("A template's current version, its merge fields and its version list.");
        group.MapGet("/{code}/versions/{version:int}", GetVersionAsync).WithSummary("One stored version of a template.");
        group.MapPut("/{code}", PutAsync).WithSummary("Saves a new version; 400 names subject/body and the offending merge field.");
        group.MapPost("/{code}/preview", PreviewAsync).WithSummary("Renders the current version with a case's data ({ caseId }) and/or explicit values ({ variables }).");
        return app;
    }

    public sealed record TemplateSummary(string Code, string Name, int Version, IReadOnlyList<string> Fields, DateTimeOffset CreatedAt, string CreatedBy, string AddressedTo);

    public sealed record TemplateVersion(int Version, string Subject, string Body, DateTimeOffset CreatedAt, string CreatedBy);

    public sealed record TemplateVersionInfo(int Version, DateTimeOffset CreatedAt, string CreatedBy);

    public sealed record TemplateDetail(string Code, string Name, IReadOnlyList<string> Fields, TemplateVersion Current, IReadOnlyList<TemplateVersionInfo> Versions, string AddressedTo);

    private static async Task<IResult> ListAsync(LetterTemplateStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListCurrentAsync(cancellationToken))
            .Select(t => new TemplateSummary(t.Code, t.Name, t.Version, FieldsOf(t), t.CreatedAt, t.CreatedBy, LetterAddressees.Of(t))).ToList());

    private static async Task<IResult> GetAsync(string code, LetterTemplateStore store, CancellationToken cancellationToken)
    {
        if (await store.GetCurrentAsync(code, cancellationToken) is not { } current)
        {
            return UnknownTemplate(code);
        }

        var versions = await store.VersionsAsync(code, cancellationToken);
        return TypedResults.Ok(Detail(current, versions));
    }

    private static async Task<IResult> GetVersionAsync(string code, int version, CaseFlowDbContext db, CancellationToken cancellationToken) =>
        await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code && t.Version == version, cancellationToken) is { } row
            ? TypedResults.Ok(new TemplateVersion(row.Version, row.Subject, row.Body, row.CreatedAt, row.CreatedBy))
            : ApiProblems.NotFound($"Letter template {code} has no version {version}.");

    private static async Task<IResult> PutAsync(
        string code, LetterTemplateRequest request, LetterTemplateStore store, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await store.GetCurrentAsync(code, cancellationToken) is not { } current)
        {
            return UnknownTemplate(code);
        }

        var (errors, saved) = await store.SaveAsync(current, request.Subject, request.Body, request.AddressedTo, CurrentUser.From(principal).UserName, cancellationToken);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors, $"Letter template {code} was not saved. 文书模板 {code} 未保存。");
        }

        if (saved is null)
        {
            return ApiProblems.Conflict($"Another version of letter template {code} was saved at the same moment; reload it and save again.");
        }

        return TypedResults.Ok(Detail(saved, await store.VersionsAsync(code, cancellationToken)));
    }

    private static async Task<IResult> PreviewAsync(
        string code,
        LetterPreviewRequest request,
        LetterRenderer renderer,
        LetterTemplateStore store,
        Security.CaseAccess access,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        if (await store.GetCurrentAsync(code, cancellationToken) is null)
        {
            return UnknownTemplate(code);
        }

        if (request.CaseId is null && request.Variables is null)
        {
            return ApiProblems.Field("caseId", "Give a caseId, variables, or both.");
        }

        var values = ToText(request.Variables);
        if (request.CaseId is { } caseId)
        {
            // The case-access rule: another office's case answers like a case that does not exist.
            if (!await access.CanSeeAsync(caseId, CurrentUser.From(principal), cancellationToken))
            {
                return ApiProblems.NotFound($"There is no case '{caseId}'.");
            }

            return TypedResults.Ok(await renderer.RenderAsync(code, caseId, values, cancellationToken));
        }

        return TypedResults.Ok(await renderer.RenderAsync(code, values, cancellationToken));
    }

    // Numbers and booleans are merged as they are written, so {"amount": 199} renders "199".
    private static Dictionary<string, string?> ToText(JsonObject? variables) =>
        (variables ?? []).ToDictionary(
            p => p.Key,
            p => p.Value is null ? null : p.Value.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString(),
            StringComparer.Ordinal);

    private static TemplateDetail Detail(StoredLetterTemplate current, IReadOnlyList<StoredLetterTemplate> versions) => new(
        current.Code,
        current.Name,
        FieldsOf(current),
        new TemplateVersion(current.Version, current.Subject, current.Body, current.CreatedAt, current.CreatedBy),
        versions.Select(v => new TemplateVersionInfo(v.Version, v.CreatedAt, v.CreatedBy)).ToList(),
        LetterAddressees.Of(current));

    private static List<string> FieldsOf(StoredLetterTemplate template) => [.. template.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static IResult UnknownTemplate(string code) =>
        ApiProblems.NotFound($"There is no letter template '{code}'; the codes are {string.Join(", ", Workflows.Letters.ShippedLetterTemplates.Codes)}.");
}
