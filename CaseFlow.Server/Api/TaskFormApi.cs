using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Forms;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Forms;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>GET /api/tasks/{id}</c>: the task as in the queues, plus its form. <c>form</c> is the form-js schema with labels
/// in the caller's language and the directory pickers' options filled in (any form-js viewer renders it as it is);
/// <c>fields</c> lists the same inputs flattened, as the server enforces them.
/// </summary>
public static class TaskFormApi
{
    public static async Task<IResult> GetAsync(
        Guid id,
        CaseFlowDbContext db,
        CaseAccess access,
        TaskForms forms,
        IBusinessCalendar calendar,
        TimeProvider clock,
        HttpContext http,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(http);
        var user = CurrentUser.From(principal);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !await access.CanSeeTaskAsync(task, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Task {id} does not exist.");
        }

        var found = task.CaseId is { } caseId
            ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Number, c.Subject, c.RespondentName, c.OfficeId, c.SuggestedOfficeId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var level = await db.Escalations.AsNoTracking().Where(e => e.TaskId == id).MaxAsync(e => (int?)e.Level, cancellationToken) ?? 0;
        var response = TaskViews.ToResponse(task, found?.Number, calendar, clock.GetUtcNow(), level, found?.Subject, found?.RespondentName, found?.OfficeId);
        var body = JsonSerializer.SerializeToNode(response, JsonSerializerOptions.Web)?.AsObject() ?? [];
        var language = UiLanguage.From(http.Request);
        var form = await forms.FindAsync(task, cancellationToken);
        body["language"] = language;
        body["suggestedOfficeId"] = found?.SuggestedOfficeId;
        if (form is null)
        {
            body["form"] = null;
            body["fields"] = null;
            return TypedResults.Json(body);
        }

        var directory = await forms.DirectoryAsync(form, cancellationToken);
        body["form"] = form.Localized(language, directory);
        body["outcomeChoices"] = new JsonArray([.. task.OutcomeList.Select(o => new JsonObject { ["value"] = o, ["label"] = form.OutcomeField is null ? o : form.OutcomeLabel(o) })]);
        body["fields"] = new JsonArray([.. form.Fields.Select(f => Field(f, language, directory))]);
        return TypedResults.Json(body);
    }

    private static JsonObject Field(FormField f, string language, Func<string, IReadOnlyList<FormOption>> directory)
    {
        var options = f.Directory is { } kind ? directory(kind) : f.Options;
        return new JsonObject
        {
            ["key"] = f.Key,
            ["type"] = f.Type,
            ["label"] = f.LabelIn(language),
            ["description"] = language == "en" ? f.DescriptionEn ?? f.Description : f.Description,
            ["required"] = f.Required && f.RequiredFor is null,
            ["requiredFor"] = f.RequiredFor is null ? null : new JsonArray([.. f.RequiredFor.Select(o => JsonValue.Create(o))]),
            ["options"] = options.Count == 0 ? null : new JsonArray([.. options.Select(o => new JsonObject { ["value"] = o.Value, ["label"] = o.Label })]),
            ["min"] = f.Money ? f.Min ?? 0 : f.Min,
            ["max"] = f.Max,
            ["minLength"] = f.MinLength,
            ["maxLength"] = f.MaxLength,
            ["pattern"] = f.Pattern,
            ["decimalDigits"] = f.Money ? 2 : f.DecimalDigits,
            ["subtype"] = f.Subtype,
            ["hide"] = f.Hide?.Source,
            ["money"] = f.Money ? "yuan" : null,
            ["directory"] = f.Directory,
            ["document"] = f.Document ? "case" : null,
            ["legalBasis"] = f.LegalBasis,
            ["defaultValue"] = f.DefaultValue?.DeepClone(),
        };
    }
}
