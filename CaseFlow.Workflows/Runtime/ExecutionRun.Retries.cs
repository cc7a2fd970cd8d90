using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Service-task retries, and resuming an instance after an operator fixed the cause of an incident.</summary>
internal sealed partial class ExecutionRun
{
    /// <summary>However many retries a model asks for, no single wait exceeds this.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromDays(1);

    /// <summary>Which run of its service task a token is on, when it is not the first (set by a retry timer).</summary>
    private readonly Dictionary<Guid, int> _attempts = [];

    /// <summary>The queue item being entered, so an incident can say which token to re-enter.</summary>
    private (Token Token, string? ViaFlowId)? _current;

    /// <summary>An activity threw: wait and run it again while its budget lasts, then raise an incident.</summary>
    private void OnActivityFailed(Token token, ServiceTaskNode service, Exception failure)
    {
        var attempt = _attempts.GetValueOrDefault(token.Id, 1);
        var (maxAttempts, backoff) = RetryBudget(service);

        // Input that does not fit the activity fails identically every time; retrying would only delay the incident.
        if (failure is not ActivityInputException && attempt < maxAttempts)
        {
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, (long)(backoff.Ticks * Math.Pow(2, attempt - 1))));
            var due = Now + delay;
            AddBookmark(new Bookmark(NewId(), BookmarkKind.Timer, service.Id, token.Id, DueAt: due) { RetryAttempt = attempt + 1 });
            Record(service.Id, "RetryScheduled",
                $"Attempt {Count(attempt)} of {Count(maxAttempts)} of activity {service.ActivityName} failed: {failure.Message}. Next attempt at {due.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}.");
            return;
        }

        var attempts = attempt == 1 ? "1 attempt" : $"{Count(attempt)} attempts";
        Fault(service.Id, "ActivityFailed", $"The activity {service.ActivityName} in service task {service.Label} failed after {attempts}: {failure.Message}");
    }

    /// <summary>Total runs and first wait: the service task's override, else the activity's attribute.</summary>
    private (int MaxAttempts, TimeSpan Backoff) RetryBudget(ServiceTaskNode service)
    {
        var descriptor = services.Activities.Find(service.ActivityName);
        var maxAttempts = service.Retries is { } retries ? retries + 1 : descriptor?.MaxAttempts ?? 1;
        var backoff = service.RetryBackoff ?? TimeSpan.FromSeconds(descriptor?.RetryBackoffSeconds ?? 0);
        return (Math.Max(1, maxAttempts), backoff);
    }

    /// <summary>A retry timer fired: run the service task again on the token that waited on it.</summary>
    private void RetryServiceTask(Bookmark bookmark, int attempt)
    {
        var token = WaitingToken(bookmark);
        Record(bookmark.ElementId, "RetryStarted", $"Attempt {Count(attempt)}");
        _attempts[token.Id] = attempt;
        RunDirectly(token, bookmark.ElementId);
        Run();
    }

    /// <summary>Clears the incident and re-enters the tokens it stopped, the failed one first with a fresh retry budget.</summary>
    public void RetryIncident(string? actor, string? reason)
    {
        if (instance.Status != InstanceStatus.Faulted || instance.Incident is not { } incident)
        {
            throw new InstanceStateException($"Instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()} and has no incident to retry.");
        }

        var stalled = instance.IncidentTokens
            .Select(q => (Token: instance.Tokens.FirstOrDefault(t => t.Id == q.TokenId), q.ViaFlowId))
            .Where(q => q.Token is not null && !HasBookmark(q.Token))
            .Select(q => (Token: q.Token!, q.ViaFlowId))
            .ToList();
        if (stalled.Count == 0)
        {
            // Older states (or an incident raised outside a run) did not record their tokens: use the ones stuck on the element.
            stalled = [.. instance.Tokens.Where(t => t.ElementId == incident.ElementId && !HasBookmark(t)).Select(t => (t, (string?)null))];
        }

        instance.Status = InstanceStatus.Running;
        instance.Incident = null;
        instance.IncidentTokens = [];
        RecordOperation(incident.ElementId, "IncidentRetried", $"{incident.Kind}: {incident.Message}", actor, reason);

        // A service task is run directly rather than entered, so what entering created (e.g. boundary timers) is not created twice.
        var first = stalled.FirstOrDefault();
        foreach (var item in stalled.Skip(first.Token is not null && graph.Node(first.Token.ElementId) is ServiceTaskNode ? 1 : 0))
        {
            _queue.Enqueue(item);
        }

        if (first.Token is not null && graph.Node(first.Token.ElementId) is ServiceTaskNode)
        {
            RunDirectly(first.Token, first.Token.ElementId);
        }

        Run();
    }

    private void RunDirectly(Token token, string elementId)
    {
        _current = (token, null);
        RunServiceTask(token, (ServiceTaskNode)graph.Node(elementId));
    }

    /// <summary>Remembers which tokens the incident stopped (called by <see cref="Fault"/>).</summary>
    private void CaptureIncidentTokens()
    {
        var candidates = _current is { } current ? _queue.Prepend(current) : _queue;
        instance.IncidentTokens = [.. candidates
            .Where(q => instance.Tokens.Contains(q.Token) && !HasBookmark(q.Token))
            .Select(q => new QueuedToken(q.Token.Id, q.ViaFlowId))
            .DistinctBy(q => q.TokenId)];
    }

    private bool HasBookmark(Token token) => instance.Bookmarks.Any(b => b.TokenId == token.Id);
}
