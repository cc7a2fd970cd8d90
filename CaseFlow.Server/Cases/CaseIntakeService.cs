using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Jurisdiction;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Registers a complaint or report and starts its process in one transaction: the case, its number, the
/// idempotency record, the instance, its first task and deadline, and any emails commit together or not at all.
/// A mixed submission (O121 Art. 9) registers a complaint and a linked report, each with its own process and clock,
/// in that same one transaction.
/// </summary>
public sealed class CaseIntakeService(
    CaseFlowDbContext db,
    WorkflowCommandRunner runner,
    JurisdictionTable jurisdictions,
    TimeProvider clock,
    Security.PersonalDataProtector protector,
    ILogger<CaseIntakeService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>The process each kind of case runs.</summary>
    public static string ProcessKeyFor(string kind) => CaseRecords.ProcessKeyFor(kind);

    public async Task<IntakeOutcome> RegisterAsync(CreateCaseRequest request, string requestHash, string? idempotencyKey, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scopedKey = idempotencyKey is null ? null : $"{actor}:{idempotencyKey}";
        var kinds = request.Kind == "mixed" ? new[] { "complaint", "report" } : [request.Kind!];
        var numbers = new Dictionary<string, string>(); // taken once, kept across attempts, so a retry leaves no gap
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (scopedKey is not null && await FindPreviousAsync(scopedKey, requestHash, cancellationToken) is { } previous)
            {
                return previous;
            }

            var versions = new List<WorkflowCommandRunner.PublishedVersionRef>();
            foreach (var kind in kinds)
            {
                var processKey = ProcessKeyFor(kind);
                int? latest = await db.ProcessVersions.AsNoTracking()
                    .Where(p => p.ProcessKey == processKey)
                    .OrderByDescending(p => p.Version)
                    .Select(p => (int?)p.Version)
                    .FirstOrDefaultAsync(cancellationToken);
                if (latest is not { } version)
                {
                    return new IntakeOutcome.NoProcess(processKey);
                }

                versions.Add(new(processKey, version, () => PublishedGraphs.ReadXml(db, processKey, version)));
            }

            try
            {
                var cases = await RegisterOnceAsync(request, kinds, numbers, versions, scopedKey, requestHash, actor, cancellationToken);
                return new IntakeOutcome.Created(cases[0], cases.Skip(1).ToList());
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // A concurrent intake with the same idempotency key committed first; the next attempt finds and replays it.
                logger.LogInformation(ex, "Intake attempt {Attempt} collided with a concurrent intake; retrying", attempt);
            }
        }
    }

    private async Task<IntakeOutcome?> FindPreviousAsync(string scopedKey, string requestHash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == scopedKey, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            return new IntakeOutcome.KeyReused();
        }

        var existing = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == record.CaseId, cancellationToken);
        var linked = await db.Cases.AsNoTracking().Where(c => c.ParentCaseId == existing.Id && c.CreatedAt == existing.CreatedAt && c.Channel == existing.Channel)
            .ToListAsync(cancellationToken);
        return new IntakeOutcome.Replayed(existing, linked);
    }

    private async Task<List<StoredCase>> RegisterOnceAsync(
        CreateCaseRequest request,
        string[] kinds,
        Dictionary<string, string> numbers,
        List<WorkflowCommandRunner.PublishedVersionRef> versions,
        string? scopedKey,
        string requestHash,
        string actor,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var suggestion = await jurisdictions.SuggestAsync(request.Respondent?.Address, request.Respondent?.PlatformAddress, cancellationToken);
        var cases = new List<StoredCase>();
        var starts = new List<WorkflowCommandRunner.InstanceStart>();
        for (var i = 0; i < kinds.Length; i++)
        {
            var receivedAt = request.ReceivedAt ?? now;
            if (!numbers.TryGetValue(kinds[i], out var number))
            {
                numbers[kinds[i]] = number = await CaseRecords.NextNumberAsync(db, kinds[i], receivedAt, cancellationToken);
            }

            var storedCase = NewCase(request, kinds[i], number, receivedAt, suggestion, actor, now);
            storedCase.ParentCaseId = i == 0 ? null : cases[0].Id;
            var duplicateOf = kinds[i] == "report" ? await DuplicateReports.FindFirstAsync(db, protector, storedCase, cancellationToken) : null;
            storedCase.DuplicateOfCaseId = duplicateOf?.Id;
            storedCase.ProcessInstanceId = Guid.NewGuid();
            var variables = CaseRecords.ProcessVariables(storedCase, odr: kinds[i] == "complaint" && request.Odr == true, duplicateOf?.Number);
            starts.Add(new(versions[i], new StartInstanceRequest(storedCase.ProcessInstanceId.Value, storedCase.Number, variables, Actor: actor), storedCase.Id));
            cases.Add(storedCase);
        }

        await runner.StartManyAsync(
            starts,
            context =>
            {
                foreach (var storedCase in cases)
                {
                    context.Cases.Add(storedCase);
                    AddIntakeTimeline(context, storedCase, cases, suggestion, actor, now);
                }

                if (scopedKey is not null)
                {
                    context.IdempotencyRecords.Add(new StoredIdempotencyRecord { Key = scopedKey, RequestHash = requestHash, CaseId = cases[0].Id, CreatedAt = now });
                }

                return Task.CompletedTask;
            },
            cancellationToken);
        return cases;
    }

    private StoredCase NewCase(CreateCaseRequest request, string kind, string number, DateTimeOffset receivedAt, JurisdictionSuggestion? suggestion, string actor, DateTimeOffset now)
    {
        var complainant = request.Complainant;
        var respondent = request.Respondent;
        var description = request.Description!.Trim();
        return new StoredCase
        {
            Id = Guid.NewGuid(),
            Number = number,
            Kind = kind,
            Channel = request.Channel!,
            ReceivedAt = receivedAt,
            ComplainantName = Clean(complainant?.Name) ?? "",
            ComplainantPhone = Clean(complainant?.Phone) ?? "",
            ComplainantEmail = Clean(complainant?.Email),
            ComplainantAddress = Clean(complainant?.Address),
            ComplainantIdNumberCipher = Clean(complainant?.IdNumber) is { } idNumber ? protector.Encrypt(IdNumbers.Normalise(idNumber)) : null,
            ComplainantIdNumberHash = Clean(complainant?.IdNumber) is { } lookup ? protector.LookupHash(lookup) : null,
            RespondentName = Clean(respondent?.Name) ?? "",
            RespondentAddress = Clean(respondent?.Address),
            RespondentCreditCode = Clean(respondent?.CreditCode),
            RespondentPlatformName = Clean(respondent?.PlatformName),
            RespondentPlatformAddress = Clean(respondent?.PlatformAddress),
            SourceOrganisation = Clean(request.Source?.Organisation),
            SourceReference = Clean(request.Source?.Reference),
            SourceDate = request.Source?.Date,
            ConductDate = request.ConductDate,
            SuggestedOfficeId = suggestion?.OfficeId,
            Category = Clean(request.Category) ?? "其他",
            Subject = Clean(request.Subject) ?? SubjectFrom(description),
            Description = description,
            AmountInvolved = request.AmountInvolved,
            CreatedAt = now,
            CreatedBy = actor,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A hotline call often has no title: the first line of the facts, cut to fit, stands in for one.</summary>
    private static string SubjectFrom(string description)
    {
        var firstLine = description.Split('\n', 2)[0].Trim();
        return firstLine.Length <= 40 ? firstLine : firstLine[..40] + "…";
    }

    /// <summary>The registration line of the timeline: what arrived, how, and what the acceptance decision must weigh.</summary>
    private static string RegisteredDetails(StoredCase storedCase, string mixed)
    {
        var kind = storedCase.Kind == "report" ? "举报" : "投诉";
        var missing = MissingMaterials.For(storedCase);
        var gaps = missing.Count == 0 ? "" : "；待补正或由受理决定处理：" + string.Join("、", missing.Select(m => m.Factor));
        return $"{IntakeChannels.NameZh(storedCase.Channel)}登记{kind}{mixed}{gaps}";
    }

    private static void AddIntakeTimeline(CaseFlowDbContext context, StoredCase storedCase, List<StoredCase> cases, JurisdictionSuggestion? suggestion, string actor, DateTimeOffset now)
    {
        var mixed = cases.Count > 1
            ? $"（投诉举报合并提出，分别处理，第九条：{string.Join("、", cases.Select(c => c.Number))}）"
            : "";
        context.CaseEvents.Add(new StoredCaseEvent { CaseId = storedCase.Id, At = now, Actor = actor, Event = "Registered", Details = RegisteredDetails(storedCase, mixed) });
        context.CaseEvents.Add(new StoredCaseEvent
        {
            CaseId = storedCase.Id,
            At = now,
            Actor = "system",
            Event = "JurisdictionSuggested",
            Details = suggestion is null ? "管辖表中没有与地址匹配的区县，请人工确定监管所" : $"{suggestion.OfficeId}：{suggestion.Basis}",
        });
    }
}
