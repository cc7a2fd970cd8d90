using CaseFlow.Server.Cases;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Commands;

/// <summary>Linked cases (<see cref="OpenLinkedCaseEffect"/>): a new case with its own process, in the same unit of work.</summary>
internal sealed partial class InstanceTreeWriter
{
    /// <summary>
    /// Opens a case for every <see cref="OpenLinkedCaseEffect"/>, e.g. a report for a violation clue found in mediation
    /// (O121 Art. 27). It copies the parties, points to the case it came from (ParentCaseId), counts from now (the
    /// discovery) and starts the latest published process of its kind as a root instance with its own clock.
    /// </summary>
    private async Task OpenLinkedCasesAsync(StoredInstance stored, ExecutionResult result, string? actor, int depth, CancellationToken cancellationToken)
    {
        var effects = result.Effects.OfType<OpenLinkedCaseEffect>().ToList();
        if (effects.Count == 0 || stored.CaseId is not { } parentId)
        {
            return;
        }

        var parent = db.Cases.Local.FirstOrDefault(c => c.Id == parentId) ?? await db.Cases.SingleAsync(c => c.Id == parentId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var effect in effects)
        {
            var processKey = CaseRecords.ProcessKeyFor(effect.Kind);
            var version = await db.ProcessVersions.AsNoTracking().Where(p => p.ProcessKey == processKey).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
            if (version is null)
            {
                logger.LogWarning("Instance {InstanceId}: no published process {ProcessKey}; linked case not opened", stored.Id, processKey);
                db.CaseEvents.Add(new StoredCaseEvent { CaseId = parentId, At = now, Actor = "system", Event = "LinkedCaseNotOpened", Details = $"未发布“{processKey}”流程，未能开立关联案件：{effect.Subject}" });
                continue;
            }

            var linked = new StoredCase
            {
                Id = Guid.NewGuid(),
                Number = await CaseRecords.NextNumberAsync(db, effect.Kind, now, cancellationToken),
                Kind = effect.Kind,
                Channel = "transfer",
                ReceivedAt = now,
                ComplainantName = parent.ComplainantName,
                ComplainantPhone = parent.ComplainantPhone,
                ComplainantEmail = parent.ComplainantEmail,
                ComplainantAddress = parent.ComplainantAddress,
                RespondentName = parent.RespondentName,
                RespondentAddress = parent.RespondentAddress,
                RespondentCreditCode = parent.RespondentCreditCode,
                RespondentPlatformName = parent.RespondentPlatformName,
                RespondentPlatformAddress = parent.RespondentPlatformAddress,
                SuggestedOfficeId = parent.OfficeId ?? parent.SuggestedOfficeId,
                Category = parent.Category,
                Subject = effect.Subject.Length > 200 ? effect.Subject[..200] : effect.Subject,
                Description = effect.Description,
                ParentCaseId = parent.Id,
                CreatedAt = now,
                CreatedBy = actor ?? "system",
                ProcessInstanceId = Guid.NewGuid(),
            };
            db.Cases.Add(linked);
            db.CaseEvents.Add(new StoredCaseEvent { CaseId = linked.Id, At = now, Actor = actor ?? "system", Event = "Registered", Details = $"{linked.Kind} opened from {parent.Number} ({effect.ElementId})" });
            db.CaseEvents.Add(new StoredCaseEvent { CaseId = parent.Id, At = now, Actor = actor ?? "system", Event = "LinkedCaseOpened", Details = $"{linked.Number}：{linked.Subject}" });

            var graph = graphs.GetOrParse(version.ProcessKey, version.Version, () => version.Xml);
            var instance = new StoredInstance
            {
                Id = linked.ProcessInstanceId.Value,
                ProcessKey = version.ProcessKey,
                ProcessVersion = version.Version,
                BusinessKey = linked.Number,
                CaseId = linked.Id,
                StateJson = "",
                CreatedAt = now,
            };
            db.Instances.Add(instance);
            var started = engine.Start(graph, new StartInstanceRequest(instance.Id, linked.Number, CaseRecords.ProcessVariables(linked), Actor: actor));
            Related.Add((instance.Id, await WriteAsync(instance, graph, started, actor, depth + 1, cancellationToken)));
        }
    }
}
