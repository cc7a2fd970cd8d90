using System.Text.Json.Nodes;
using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>What each kind of element does when a token arrives.</summary>
internal sealed partial class ExecutionRun
{
    private void CreateUserTask(Token token, UserTaskNode task)
    {
        if (task.MultiInstance is not null)
        {
            StartMultiInstance(token, task);
            return;
        }

        if (OpenUserTask(token, task, instance.Variables, null) is not null)
        {
            CreateBoundaries(token, task);
        }
    }

    /// <summary>Opens one task bookmark; <paramref name="scope"/> is what its expressions see (per-instance variables of a multi-instance task). Null when an expression faulted the instance.</summary>
    private Bookmark? OpenUserTask(Token token, UserTaskNode task, JsonObject scope, int? loopCounter)
    {
        var groups = new List<string>();
        foreach (var template in task.CandidateGroups)
        {
            if (!TryEvaluate(template, task.Id, scope, out var value))
            {
                return null;
            }

            var items = value is JsonArray array ? array.Select(AsText) : (AsText(value) ?? "").Split(',');
            groups.AddRange(items.OfType<string>().Select(g => g.Trim()).Where(g => g.Length > 0));
        }

        string? assignee = null;
        if (task.Assignee is not null)
        {
            if (!TryEvaluate(task.Assignee, task.Id, scope, out var value))
            {
                return null;
            }

            assignee = AsText(value) is { Length: > 0 } text ? text.Trim() : null;
        }

        var due = task.DueIn is { } dueIn ? services.Calendar.ComputeDue(Now, dueIn) : (DateTimeOffset?)null;
        var info = new UserTaskInfo(task.Name ?? task.Id, [.. groups.Distinct(StringComparer.Ordinal)], assignee, task.Outcomes, due, task.DueInText)
        {
            RequiredVariables = task.RequiredVariables,
            DeadlineRule = task.DeadlineRule,
        };
        var bookmark = new Bookmark(NewId(), BookmarkKind.UserTask, task.Id, token.Id, Task: info) { LoopCounter = loopCounter };
        AddBookmark(bookmark);
        Record(task.Id, "TaskCreated", loopCounter is { } n ? $"{info.Name} [{Count(n + 1)}]" : info.Name);
        return bookmark;
    }

    private void RunServiceTask(Token token, ServiceTaskNode service)
    {
        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, template) in service.Inputs)
        {
            if (!TryEvaluate(template, service.Id, out var value))
            {
                return;
            }

            inputs[name] = value;
        }

        var context = new ActivityContext(instance.Id, instance.BusinessKey, service.Id, token.Id, instance.Variables, inputs);
        try
        {
            services.Activities.Create(service.ActivityName, inputs).Execute(context);
        }
#pragma warning disable CA1031 // Any activity failure must become an incident the operator sees, never a crashed command.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Retries or an incident, depending on the budget left (ExecutionRun.Retries.cs).
            OnActivityFailed(token, service, ex);
            return;
        }

        foreach (var (name, value) in context.VariableChanges)
        {
            instance.Variables[name] = value?.DeepClone();
        }

        _effects.AddRange(context.Effects);
        foreach (var note in context.Notes)
        {
            Record(service.Id, "ActivityNote", note);
        }

        Leave(token, service);
    }

    private void Decide(Token token, ExclusiveGatewayNode gateway)
    {
        foreach (var flow in gateway.Outgoing.Where(f => f.Id != gateway.DefaultFlowId))
        {
            if (flow.Condition is null)
            {
                // Only a gateway with a single outgoing flow (a merge) may have an unconditioned flow.
                Take(token, gateway, flow);
                return;
            }

            var result = services.Expressions.EvaluateCondition(flow.Condition, instance.Variables);
            if (result.Failure is { } failure)
            {
                Fault(gateway.Id, failure.IncidentKind, $"The condition of sequence flow '{flow.Id}' could not be evaluated. {failure.Message}");
                return;
            }

            if (result.Value)
            {
                Take(token, gateway, flow);
                return;
            }
        }

        if (gateway.Outgoing.FirstOrDefault(f => f.Id == gateway.DefaultFlowId) is { } defaultFlow)
        {
            Take(token, gateway, defaultFlow);
            return;
        }

        Fault(gateway.Id, "NoFlowMatched",
            $"No outgoing flow of exclusive gateway {gateway.Label} matched, and it has no default flow. Fix the conditions or add a default flow.");
    }

    /// <summary>Parks <paramref name="token"/> at a joining gateway and records the flow it came by; returns the flows arrived so far.</summary>
    private List<string> Arrive(Token token, FlowNode gateway, string? via)
    {
        instance.Tokens.Remove(token);
        if (!instance.JoinArrivals.TryGetValue(gateway.Id, out var arrivals))
        {
            arrivals = [];
            instance.JoinArrivals[gateway.Id] = arrivals;
        }

        arrivals.Add(via ?? "");
        return arrivals;
    }

    /// <summary>A parallel gateway with several incoming flows waits for a token on each; otherwise it forks at once.</summary>
    private void Join(Token token, FlowNode gateway, string? via)
    {
        if (gateway.Incoming.Count <= 1)
        {
            Leave(token, gateway);
            return;
        }

        var arrivals = Arrive(token, gateway, via);
        var incoming = gateway.Incoming.Select(f => f.Id).ToList();
        if (!incoming.All(arrivals.Contains))
        {
            Record(gateway.Id, "JoinWaiting", $"{Count(incoming.Count(arrivals.Contains))} of {Count(incoming.Count)} branches arrived");
            return;
        }

        // One arrival per incoming flow is consumed; extra arrivals (a loop that came round twice) wait for the next join.
        incoming.ForEach(id => arrivals.Remove(id));
        if (arrivals.Count == 0)
        {
            instance.JoinArrivals.Remove(gateway.Id);
        }

        var joined = new Token(NewId(), gateway.Id, token.ScopeId);
        instance.Tokens.Add(joined);
        Leave(joined, gateway);
    }

    private void Subscribe(Token token, MessageCatchNode message)
    {
        var key = instance.BusinessKey;
        if (message.CorrelationKey is not null)
        {
            if (!TryEvaluate(message.CorrelationKey, message.Id, out var value))
            {
                return;
            }

            key = AsText(value);
        }

        AddBookmark(new Bookmark(NewId(), BookmarkKind.Message, message.Id, token.Id, MessageName: message.MessageName, CorrelationKey: key));
        Record(message.Id, "MessageAwaited", message.MessageName);
    }

    /// <summary>Evaluates a literal or expression; on failure faults the instance and returns false.</summary>
    private bool TryEvaluate(ValueTemplate template, string elementId, out JsonNode? value) =>
        TryEvaluate(template, elementId, instance.Variables, out value);

    private bool TryEvaluate(ValueTemplate template, string elementId, JsonObject scope, out JsonNode? value)
    {
        if (template.Expression is null)
        {
            value = JsonValue.Create(template.Literal);
            return true;
        }

        var result = services.Expressions.Evaluate(template.Expression, scope);
        value = result.Value;
        if (result.Failure is { } failure)
        {
            Fault(elementId, failure.IncidentKind, failure.Message);
            return false;
        }

        return true;
    }
}
