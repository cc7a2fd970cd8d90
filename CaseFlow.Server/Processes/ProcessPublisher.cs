using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Scheduling;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Processes;

/// <summary>Publishes process definitions as new immutable versions; running instances keep their version.</summary>
public sealed class ProcessPublisher(CaseFlowDbContext db, IBpmnParser parser, TimeProvider clock, TimerStartScheduler timerStarts, IBusinessCalendar calendar)
{
    public async Task<PublishOutcome> PublishDraftAsync(string key, string publishedBy, CancellationToken cancellationToken)
    {
        var draft = await db.ProcessDrafts.SingleOrDefaultAsync(d => d.ProcessKey == key, cancellationToken);
        if (draft is null)
        {
            return new PublishOutcome.NoDraft();
        }

        var outcome = await PublishAsync(key, draft.Xml, publishedBy, cancellationToken, draft);
        return outcome;
    }

    /// <summary>Publishes <paramref name="xml"/> as the next version of <paramref name="key"/> (removing the draft it came from, in the same transaction).</summary>
    public async Task<PublishOutcome> PublishAsync(string key, string xml, string publishedBy, CancellationToken cancellationToken, StoredProcessDraft? fromDraft = null)
    {
        var result = parser.Parse(xml);
        var errors = ProcessDefinitionValidator.Validate(key, result, await CalledProcessCheck.LatestVersionsAsync(db, cancellationToken));
        if (errors.Count > 0)
        {
            return new PublishOutcome.Invalid(errors);
        }

        var graph = result.Graph!;
        var latest = await db.ProcessVersions.Where(p => p.ProcessKey == key).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;
        db.ProcessVersions.Add(new StoredProcessVersion
        {
            ProcessKey = key,
            Version = latest + 1,
            Name = graph.Name ?? key,
            Xml = xml,
            PublishedAt = clock.GetUtcNow(),
            PublishedBy = publishedBy,
            MessageStartNames = string.Join(',', graph.MessageStartNames),
        });
        if (fromDraft is not null)
        {
            db.ProcessDrafts.Remove(fromDraft);
        }

        // The new version's timer starts replace the older versions' in the same transaction.
        var timers = await timerStarts.StageAsync(db, key, latest + 1, graph, calendar, cancellationToken);

        // Two publishers racing get the same next version; the primary key lets only one commit.
        await db.SaveChangesAsync(cancellationToken);
        await timerStarts.ApplyAsync(timers, cancellationToken);
        return new PublishOutcome.Published(latest + 1);
    }
}
