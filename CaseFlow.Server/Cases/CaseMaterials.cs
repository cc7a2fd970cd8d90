using System.Text.Json.Nodes;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Jurisdiction;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Records materials supplied after registration (补正 at the acceptance review, a call-back by the hotline desk, the
/// number of a transfer letter that arrived later): the case's record, the variables its process sees (so letters go to
/// the address now given) and a timeline entry, in one transaction. Values are never written to the timeline or logs.
/// </summary>
public sealed class CaseMaterials(CaseFlowDbContext db, WorkflowCommandRunner runner, JurisdictionTable jurisdictions, Security.PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>What became of a supply.</summary>
    public enum Result { Supplied, NothingGiven, NotFound, NotRunning }

    public async Task<(Result Result, IReadOnlyList<string> Fields)> SupplyAsync(Guid caseId, SupplyMaterialsRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (current is null)
        {
            return (Result.NotFound, []);
        }

        // The case as it will be: which fields were given, and what is still missing afterwards.
        var preview = Copy(current);
        var fields = Apply(preview, request);
        if (fields.Count == 0)
        {
            return (Result.NothingGiven, []);
        }

        if (current.ProcessInstanceId is not { } instanceId || current.ClosedAt is not null)
        {
            return (Result.NotRunning, fields);
        }

        var suggestion = request.Respondent?.Address is { Length: > 0 } || request.Respondent?.PlatformAddress is { Length: > 0 }
            ? await jurisdictions.SuggestAsync(request.Respondent.Address ?? current.RespondentAddress, request.Respondent.PlatformAddress ?? current.RespondentPlatformAddress, cancellationToken)
            : null;
        var variables = new JsonObject
        {
            ["complainantName"] = preview.ComplainantName,
            ["complainantEmail"] = preview.ComplainantEmail ?? "",
            ["respondentName"] = preview.RespondentName,
            ["missingMaterials"] = string.Join("、", MissingMaterials.For(preview).Where(w => w.Category == "materials").Select(w => w.Factor)),
        };
        if (suggestion is not null)
        {
            variables["suggestedOfficeId"] = suggestion.OfficeId;
        }

        var summary = "补录材料：" + string.Join("、", fields) + (string.IsNullOrWhiteSpace(request.Note) ? "" : "（" + request.Note.Trim() + "）");
        await runner.SetVariablesWithCaseChangeAsync(instanceId, variables, actor, summary, async () =>
        {
            var tracked = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
            Apply(tracked, request);
            tracked.SuggestedOfficeId = suggestion?.OfficeId ?? tracked.SuggestedOfficeId;
            db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = clock.GetUtcNow(), Actor = actor, Event = "MaterialsSupplied", Details = summary });
        }, cancellationToken);
        return (Result.Supplied, fields);
    }

    /// <summary>Writes the given, non-empty values onto <paramref name="c"/>; returns the Chinese names of what changed.</summary>
    private List<string> Apply(StoredCase c, SupplyMaterialsRequest request)
    {
        var fields = new List<string>();
        var party = request.Complainant;
        Set(fields, "投诉（举报）人姓名", party?.Name, v => c.ComplainantName = v);
        Set(fields, "联系电话", party?.Phone, v => c.ComplainantPhone = v);
        Set(fields, "电子邮箱", party?.Email, v => c.ComplainantEmail = v);
        Set(fields, "地址", party?.Address, v => c.ComplainantAddress = v);
        Set(fields, "身份证号码", party?.IdNumber, v =>
        {
            c.ComplainantIdNumberCipher = protector.Encrypt(IdNumbers.Normalise(v));
            c.ComplainantIdNumberHash = protector.LookupHash(v);
        });
        var respondent = request.Respondent;
        Set(fields, "被投诉（举报）人名称", respondent?.Name, v => c.RespondentName = v);
        Set(fields, "被投诉（举报）人地址", respondent?.Address, v => c.RespondentAddress = v);
        Set(fields, "统一社会信用代码", respondent?.CreditCode, v => c.RespondentCreditCode = v);
        Set(fields, "平台名称", respondent?.PlatformName, v => c.RespondentPlatformName = v);
        Set(fields, "平台地址", respondent?.PlatformAddress, v => c.RespondentPlatformAddress = v);
        Set(fields, "来源单位", request.Source?.Organisation, v => c.SourceOrganisation = v);
        Set(fields, "来源文书编号", request.Source?.Reference, v => c.SourceReference = v);
        if (request.Source?.Date is { } date)
        {
            c.SourceDate = date;
            fields.Add("来源文书日期");
        }

        return fields;
    }

    private static void Set(List<string> fields, string name, string? value, Action<string> write)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            write(value.Trim());
            fields.Add(name);
        }
    }

    private static StoredCase Copy(StoredCase c) => new()
    {
        Id = c.Id,
        Number = c.Number,
        Kind = c.Kind,
        Channel = c.Channel,
        ReceivedAt = c.ReceivedAt,
        ComplainantName = c.ComplainantName,
        ComplainantPhone = c.ComplainantPhone,
        ComplainantEmail = c.ComplainantEmail,
        ComplainantAddress = c.ComplainantAddress,
        RespondentName = c.RespondentName,
        RespondentAddress = c.RespondentAddress,
        RespondentPlatformAddress = c.RespondentPlatformAddress,
        SourceOrganisation = c.SourceOrganisation,
        SourceReference = c.SourceReference,
        Category = c.Category,
        Subject = c.Subject,
        Description = c.Description,
        CreatedBy = c.CreatedBy,
    };
}
