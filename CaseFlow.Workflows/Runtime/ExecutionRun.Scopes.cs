using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// Embedded sub-processes (BPMN 2.0 §13.3.4) and the end events that act on scopes: terminate (§13.5.6), error and
/// escalation (§13.5.6 and §10.5.4).
/// </summary>
internal sealed partial class ExecutionRun
{
    /// <summary>The token stays on the sub-process (carrying its boundary bookmarks) while a new scope runs its inside.</summary>
    private void EnterSubProcess(Token token, SubProcessNode subProcess)
    {
        var scope = new Scope(NewId(), subProcess.Id, token.Id, token.ScopeId);
        instance.Scopes.Add(scope);
        CreateBoundaries(token, subProcess);
        if (_stopped)
        {
            return;
        }

        Record(subProcess.Id, "SubProcessStarted", subProcess.Name);
        Spawn(subProcess.StartId!, null, scope.Id);
    }

    private void End(Token token, EndEventNode end)
    {
        instance.Tokens.Remove(token);
        Record(end.Id, "ElementCompleted", end.Name);
        switch (end.Trigger)
        {
            case EventTrigger.Terminate:
                Terminate(token.ScopeId, end);
                break;
            case EventTrigger.Error:
                Record(end.Id, "ErrorThrown", end.Code);
                if (!TryCatch(token.ScopeId, EventTrigger.Error, end.Code))
                {
                    Fault(end.Id, "UnhandledError",
                        $"The error '{end.Code}' thrown by end event {end.Label} was not caught by any error boundary event. Add an error boundary event to the enclosing sub-process, or fix the path that led here.");
                }

                break;
            case EventTrigger.Escalation:
                Record(end.Id, "EscalationThrown", end.Code);
                if (!TryCatch(token.ScopeId, EventTrigger.Escalation, end.Code))
                {
                    // BPMN 2.0 §10.5.4: an uncaught escalation is not an error; it is only recorded.
                    Record(end.Id, "EscalationUncaught", end.Code);
                }

                break;
        }
    }

    /// <summary>
    /// Terminate ends every token of its scope: inside a sub-process only that sub-process instance (which then
    /// completes normally when the run settles), at the process level the whole instance (Completed).
    /// </summary>
    private void Terminate(Guid? scopeId, EndEventNode end)
    {
        ClearScope(scopeId);
        if (scopeId is null)
        {
            instance.JoinArrivals.Clear();
            Record(end.Id, "InstanceTerminated", end.Name);
        }
        else
        {
            Record(end.Id, "ScopeTerminated", end.Name);
        }
    }

    /// <summary>Walks up the scope tree from the thrower until a sub-process's boundary event catches it.</summary>
    private bool TryCatch(Guid? scopeId, EventTrigger trigger, string? code)
    {
        for (var scope = FindScope(scopeId); scope is not null; scope = FindScope(scope.ParentId))
        {
            if (instance.Tokens.FirstOrDefault(t => t.Id == scope.TokenId) is { } activityToken && TryCatchAt(activityToken, trigger, code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes every token, bookmark, nested scope and waiting join inside <paramref name="scopeId"/> (null: the whole instance).</summary>
    private void ClearScope(Guid? scopeId)
    {
        foreach (var child in instance.Scopes.Where(s => s.ParentId == scopeId).ToList())
        {
            ClearScope(child.Id);
            RemoveScope(child);
        }

        foreach (var token in instance.Tokens.Where(t => t.ScopeId == scopeId).ToList())
        {
            WithdrawBookmarksOf(token.Id);
            instance.Tokens.Remove(token);
        }
    }

    private void RemoveScope(Scope scope)
    {
        instance.Scopes.Remove(scope);

        // Arrivals waiting at joins inside the sub-process belong to this scope instance; they must not leak into the next one.
        foreach (var gateway in instance.JoinArrivals.Keys.Where(id => graph.Nodes.TryGetValue(id, out var n) && n.ParentId == scope.ElementId).ToList())
        {
            instance.JoinArrivals.Remove(gateway);
        }
    }

    /// <summary>Completes one sub-process whose scope holds no more tokens and continues after it; false when none is finished.</summary>
    private bool CompleteFinishedScope()
    {
        var finished = instance.Scopes.FirstOrDefault(s => !instance.Tokens.Any(t => t.ScopeId == s.Id));
        if (finished is null)
        {
            return false;
        }

        RemoveScope(finished);
        if (instance.Tokens.FirstOrDefault(t => t.Id == finished.TokenId) is { } token)
        {
            WithdrawBookmarksOf(token.Id);
            Record(finished.ElementId, "SubProcessCompleted", graph.Node(finished.ElementId).Name);
            Leave(token, graph.Node(finished.ElementId));
        }

        return true;
    }

    /// <summary>Work that is due once no token is queued: inclusive joins first (they may still feed a scope), then finished scopes.</summary>
    private bool Settle() => FireReadyInclusiveJoin() || CompleteFinishedScope();

    private Scope? FindScope(Guid? scopeId) => scopeId is { } id ? instance.Scopes.FirstOrDefault(s => s.Id == id) : null;

    /// <summary>The live scope an element runs in when the caller did not say: the latest instance of its sub-process.</summary>
    private Guid? ScopeOf(string elementId) =>
        graph.Nodes.TryGetValue(elementId, out var node) && node.ParentId is { } parent
            ? instance.Scopes.LastOrDefault(s => s.ElementId == parent)?.Id
            : null;
}
