using System.Globalization;
using System.Text.Json.Nodes;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Registers a complaint or report and starts its process in one transaction: the case, its number, the
/// idempotency record, the instance, its first task and deadline, and any emails commit together or not at all.
/// </summary>
public sealed class CaseIntakeService(CaseFlowDbContext db, WorkflowCommandRunner runner, TimeProvider clock, ILogger<CaseIntakeService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>The process each kind of case runs.</summary>
    public static string ProcessKeyFor(string kind) => kind == "report" ? "report" : "complaint";

    public async Task<IntakeOutcome> RegisterAsync(CreateCaseRequest request, string requestHash, string? idempotencyKey, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scopedKey = idempotencyKey is null ? null : $"{actor}:{idempotencyKey}";
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (scopedKey is not null && await FindPreviousAsync(scopedKey, requestHash, cancellationToken) is { } previous)
            {
                return previous;
            }

            var processKey = ProcessKeyFor(request.Kind!);
            var version = await db.ProcessVersions.AsNoTracking()
                .Where(p => p.ProcessKey == processKey)
                .OrderByDescending(p => p.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (version is null)
            {
                return new IntakeOutcome.NoProcess(processKey);
            }

            try
            {
                return new IntakeOutcome.Created(await RegisterOnceAsync(request, version, scopedKey, requestHash, actor, cancellationToken));
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // A concurrent intake took the same case number or idempotency key; the next attempt sees it.
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
        return new IntakeOutcome.Replayed(existing);
    }

    private async Task<StoredCase> RegisterOnceAsync(
        CreateCaseRequest request,
        StoredProcessVersion version,
        string? scopedKey,
        string requestHash,
        string actor,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var receivedAt = request.ReceivedAt ?? now;
        var number = await NextNumberAsync(request.Kind!, receivedAt, cancellationToken);
        var storedCase = new StoredCase
        {
            Id = Guid.NewGuid(),
            Number = number,
            Kind = request.Kind!,
            Channel = request.Channel!,
            ReceivedAt = receivedAt,
            ComplainantName = request.Complainant!.Name!.Trim(),
            ComplainantPhone = request.Complainant.Phone!.Trim(),
            ComplainantEmail = request.Complainant.Email?.Trim(),
            ComplainantAddress = request.Complainant.Address?.Trim(),
            RespondentName = request.Respondent!.Name!.Trim(),
            RespondentAddress = request.Respondent.Address?.Trim(),
            RespondentCreditCode = request.Respondent.CreditCode?.Trim(),
            Category = request.Category!.Trim(),
            Subject = request.Subject!.Trim(),
            Description = request.Description!.Trim(),
            AmountInvolved = request.AmountInvolved,
            CreatedAt = now,
            CreatedBy = actor,
        };
        var instanceId = Guid.NewGuid();
        storedCase.ProcessInstanceId = instanceId;

        await runner.StartAsync(
            version,
            new StartInstanceRequest(instanceId, number, ProcessVariables(storedCase), Actor: actor),
            storedCase.Id,
            context =>
            {
                context.Cases.Add(storedCase);
                context.CaseEvents.Add(new StoredCaseEvent
                {
                    CaseId = storedCase.Id,
                    At = now,
                    Actor = actor,
                    Event = "Registered",
                    Details = $"{storedCase.Kind} via {storedCase.Channel}",
                });
                if (scopedKey is not null)
                {
                    context.IdempotencyRecords.Add(new StoredIdempotencyRecord { Key = scopedKey, RequestHash = requestHash, CaseId = storedCase.Id, CreatedAt = now });
                }

                return Task.CompletedTask;
            },
            cancellationToken);
        return storedCase;
    }

    /// <summary>Variables the process sees. Phone and address stay out: no step needs them, so no expression can leak them.</summary>
    private static JsonObject ProcessVariables(StoredCase c) => new()
    {
        ["caseId"] = c.Id.ToString(),
        ["caseNumber"] = c.Number,
        ["kind"] = c.Kind,
        ["channel"] = c.Channel,
        ["category"] = c.Category,
        ["subject"] = c.Subject,
        ["complainantName"] = c.ComplainantName,
        ["complainantEmail"] = c.ComplainantEmail ?? "",
        ["respondentName"] = c.RespondentName,
        ["amountInvolved"] = c.AmountInvolved is { } amount ? JsonValue.Create(amount) : null,
        ["receivedAt"] = c.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    private async Task<string> NextNumberAsync(string kind, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var prefix = kind == "report" ? "JB" : "TS";
        var name = $"{prefix}{receivedAt.Year}";
        var counter = await db.Counters.SingleOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (counter is null)
        {
            counter = new StoredCounter { Name = name, Value = 0 };
            db.Counters.Add(counter);
        }

        counter.Value++;
        return $"{name}-{counter.Value:D6}";
    }
}
