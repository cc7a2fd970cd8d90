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
    public Task<PublishOutcome> PublishAsync(string key, string xml, string publishedBy, CancellationToken cancellationToken, StoredProcessDraft? fromDraft = null) =>
        PublishAsync(key, xml, publishedBy, builtIn: false, cancellationToken, fromDraft);

    /// <summary>
    /// Publishes a process shipped with CaseFlow. It may call a process this installation does not have yet (a library
    /// shipped in parts): the call then raises <c>CallActivityFailed</c> until the called process is published, and
    /// retrying the incident calls it.
    /// </summary>
    public Task<PublishOutcome> PublishBuiltInAsync(string key, string xml, CancellationToken cancellationToken) =>
        PublishAsync(key, xml, "system", builtIn: true, cancellationToken);

    private async Task<PublishOutcome> PublishAsync(string key, string xml, string publishedBy, bool builtIn, CancellationToken cancellationToken, StoredProcessDraft? fromDraft = null)
    {
        var result = parser.Parse(xml);
        var published = await CalledProcessCheck.LatestVersionsAsync(db, cancellationToken);
        if (builtIn && result.Graph is { } called)
        {
            published = CalledProcessCheck.AssumingPublished(published, called);
        }

        var errors = ProcessDefinitionValidator.Validate(key, result, published);
        if (errors.Count > 0)
        {
            return new PublishOutcome.Invalid(errors);
        }

        var graph = result.Graph!;
        var latest = await db.ProcessVersions.Where(p => p.ProcessKey == key).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;

        // A built-in process is published only as version 1, so nodes starting together collide on the primary key
        // (the start-up seeder catches that) instead of one publishing version 1 and the next, a moment later, version 2.
        var version = builtIn ? 1 : latest + 1;
        db.ProcessVersions.Add(new StoredProcessVersion
        {
            ProcessKey = key,
            Version = version,
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
        var timers = await timerStarts.StageAsync(db, key, version, graph, calendar, cancellationToken);

        // Two publishers racing get the same next version; the primary key lets only one commit.
        await db.SaveChangesAsync(cancellationToken);
        await timerStarts.ApplyAsync(timers, cancellationToken);
        return new PublishOutcome.Published(version);
    }
}
