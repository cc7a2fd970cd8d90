using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>Process definitions: drafts, validation, publishing, versions and direct starts.</summary>
public static class ProcessesApi
{
    /// <summary>Largest BPMN document accepted (the parser also limits elements and depth).</summary>
    public const int MaxBpmnBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapProcessesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/processes").WithTags("Processes").RequireAuthorization();
        var designers = new[] { Roles.LegalOfficer, Roles.Admin };
        group.MapGet("/", ListAsync);
        group.MapGet("/{key}/draft", GetDraftAsync);
        group.MapPut("/{key}/draft", SaveDraftAsync).RequireAuthorization(p => p.RequireRole(designers))
            // "*/*" lets every media type reach the handler, which answers a wrong one with a ProblemDetails saying what to send.
            .Accepts<string>("application/xml", "text/xml", "application/octet-stream", "*/*")
            .WithSummary("Stores the draft (even when invalid) and returns its validation errors, warnings and the process chosen to run.")
            .WithDescription("The body is the BPMN file's bytes, decoded by its byte-order mark and XML declaration (UTF-8, UTF-16, GB18030, GBK, ISO-8859-1, windows-1252, ...) and stored as UTF-8. Optional query parameter process=<process id> names the process to run when the file has several.");
        group.MapPost("/{key}/publish", PublishAsync).RequireAuthorization(p => p.RequireRole(designers));
        group.MapGet("/{key}/versions", ListVersionsAsync);
        group.MapGet("/{key}/versions/{version:int}", GetVersionAsync);
        group.MapPost("/{key}/instances", StartAsync).RequireAuthorization(p => p.RequireRole(designers.Append(Roles.Supervisor).ToArray()));
        return app;
    }

    public sealed record ProcessSummary(string Key, string Name, int? PublishedVersion, bool Draft);

    /// <summary>The answer to a saved draft.</summary>
    /// <param name="Valid">True when it can be published.</param>
    /// <param name="Errors">What stops publishing, each naming its element.</param>
    /// <param name="Warnings">Warnings and notes that do not stop publishing (severity <c>warning</c> or <c>info</c>): the process chosen and why, elements kept but not run.</param>
    /// <param name="ProcessId">The id of the <c>bpmn:process</c> CaseFlow runs from the file (independent of the key).</param>
    /// <param name="ProcessName">Its name, if it has one.</param>
    /// <param name="Encoding">The encoding the upload was read in; the draft is stored and served back as UTF-8.</param>
    public sealed record ValidationResponse(
        bool Valid,
        IReadOnlyList<ValidationError> Errors,
        IReadOnlyList<ValidationError>? Warnings = null,
        string? ProcessId = null,
        string? ProcessName = null,
        string? Encoding = null);

    public sealed record StartProcessRequest(string? BusinessKey, JsonObject? Variables);

    private static async Task<IResult> ListAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.ProcessVersions.AsNoTracking()
            .GroupBy(p => p.ProcessKey)
            .Select(g => new { Key = g.Key, Version = g.Max(p => p.Version) })
            .ToListAsync(cancellationToken);
        var names = await db.ProcessVersions.AsNoTracking().Select(p => new { p.ProcessKey, p.Version, p.Name }).ToListAsync(cancellationToken);
        var drafts = await db.ProcessDrafts.AsNoTracking().Select(d => d.ProcessKey).ToListAsync(cancellationToken);
        var keys = versions.Select(v => v.Key).Union(drafts).Order(StringComparer.Ordinal);
        return TypedResults.Ok(keys.Select(key =>
        {
            var published = versions.SingleOrDefault(v => v.Key == key)?.Version;
            var name = names.Where(n => n.ProcessKey == key && n.Version == published).Select(n => n.Name).FirstOrDefault() ?? key;
            return new ProcessSummary(key, name, published, drafts.Contains(key));
        }).ToList());
    }

    private static async Task<IResult> GetDraftAsync(string key, CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var draft = await db.ProcessDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.ProcessKey == key, cancellationToken);
        return draft is null ? ApiProblems.NotFound($"Process '{key}' has no draft.") : TypedResults.Text(draft.Xml, "application/xml", Encoding.UTF8);
    }

    private static async Task<IResult> SaveDraftAsync(
        string key,
        string? process,
        HttpRequest http,
        ProcessDefinitionValidator validator,
        CaseFlowDbContext db,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        if (!Processes.ProcessKeys.IsValid(key))
        {
            return ApiProblems.Field("key", Processes.ProcessKeys.Problem);
        }

        if (!BpmnUpload.TryMediaType(http, out var charset))
        {
            return BpmnUpload.UnsupportedMediaType(http.ContentType);
        }

        var body = await LimitedBody.ReadAsync(http, MaxBpmnBytes, cancellationToken);
        if (body is null)
        {
            return LimitedBody.TooLarge(MaxBpmnBytes);
        }

        if (body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return BpmnUpload.Empty();
        }

        var decoded = BpmnBytes.Decode(body, charset);
        if (decoded.Text is not { } xml)
        {
            return BpmnUpload.Undecodable(decoded.Error!);
        }

        if (xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || xml.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            // A DTD is how XXE and entity-expansion (billion laughs) attacks arrive; such a document is refused, not kept as a draft.
            return ApiProblems.Field("definitions", "The document contains a DOCTYPE or ENTITY declaration. CaseFlow refuses DTDs and entities for security. 文档含有 DOCTYPE/ENTITY 声明，出于安全原因不予接受。");
        }

        if (process is not null && (process.Trim().Length == 0 || process.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '?' or '&' or '"')))
        {
            return ApiProblems.Field("process", "The query parameter process must be the id of a bpmn:process in the file (no spaces or <>?&\"). 查询参数 process 必须是文件中某个 bpmn:process 的 id。");
        }

        if (process is not null)
        {
            // The officer's choice of the process to run travels inside the stored file (see BpmnProcessChoice).
            xml = BpmnProcessChoice.Name(xml, process);
        }

        var (result, errors) = validator.Check(key, xml, await CalledProcessCheck.LatestVersionsAsync(db, cancellationToken));
        var draft = await db.ProcessDrafts.SingleOrDefaultAsync(d => d.ProcessKey == key, cancellationToken);
        if (draft is null)
        {
            draft = new StoredProcessDraft { ProcessKey = key, Xml = xml, ErrorsJson = "[]", SavedBy = "" };
            db.ProcessDrafts.Add(draft);
        }

        draft.Xml = xml;
        draft.IsValid = errors.Count == 0;
        draft.ErrorsJson = JsonSerializer.Serialize(errors, JsonSerializerOptions.Web);
        draft.SavedAt = clock.GetUtcNow();
        draft.SavedBy = CurrentUser.From(principal).UserName;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ValidationResponse(errors.Count == 0, errors, result.Warnings, result.Graph?.ProcessId, result.Graph?.Name, decoded.SourceEncoding));
    }

    private static async Task<IResult> PublishAsync(string key, ProcessPublisher publisher, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var outcome = await publisher.PublishDraftAsync(key, CurrentUser.From(principal).UserName, cancellationToken);
        return outcome switch
        {
            PublishOutcome.Published p => TypedResults.Ok(new { version = p.Version }),
            PublishOutcome.Invalid invalid => TypedResults.Json(
                new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", title = "The process is not valid.", status = 400, valid = false, errors = invalid.Errors },
                statusCode: StatusCodes.Status400BadRequest,
                contentType: "application/problem+json"),
            PublishOutcome.NoDraft => ApiProblems.NotFound($"Process '{key}' has no draft to publish; save one with PUT /api/processes/{key}/draft."),
            _ => throw new InvalidOperationException("Unknown publish outcome."),
        };
    }

    private static async Task<IResult> ListVersionsAsync(string key, CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.ProcessVersions.AsNoTracking().Where(p => p.ProcessKey == key).OrderBy(p => p.Version)
            .Select(p => new { p.Version, p.Name, p.PublishedAt, p.PublishedBy })
            .ToListAsync(cancellationToken);
        return versions.Count == 0 ? ApiProblems.NotFound($"Process '{key}' has no published version.") : TypedResults.Ok(versions);
    }

    private static async Task<IResult> GetVersionAsync(string key, int version, CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var xml = await db.ProcessVersions.AsNoTracking().Where(p => p.ProcessKey == key && p.Version == version).Select(p => p.Xml).SingleOrDefaultAsync(cancellationToken);
        return xml is null ? ApiProblems.NotFound($"Process '{key}' has no version {version}.") : TypedResults.Text(xml, "application/xml", Encoding.UTF8);
    }

    private static async Task<IResult> StartAsync(
        string key,
        StartProcessRequest? request,
        CaseFlowDbContext db,
        WorkflowCommandRunner runner,
        IProcessGraphCache graphs,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var version = await db.ProcessVersions.AsNoTracking().Where(p => p.ProcessKey == key).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return ApiProblems.NotFound($"Process '{key}' has no published version.");
        }

        if (!graphs.GetOrParse(version.ProcessKey, version.Version, () => version.Xml).HasNoneStart)
        {
            return ApiProblems.Conflict($"Process '{key}' has no none start event; it starts only by a message (POST /api/messages).");
        }

        var id = Guid.NewGuid();
        var variables = request?.Variables?.DeepClone().AsObject() ?? [];
        await runner.StartAsync(version, new StartInstanceRequest(id, request?.BusinessKey, variables, Actor: CurrentUser.From(principal).UserName), null, null, cancellationToken);
        return TypedResults.Created($"/api/instances/{id}", new { id });
    }
}
