using System.Globalization;
using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>One engine command against one instance: moves tokens until they all wait, and records what it did.</summary>
/// <remarks>Single-use and single-threaded; the engine creates one per command.</remarks>
internal sealed partial class ExecutionRun(ProcessGraph graph, WorkflowInstanceState instance, EngineServices services)
{
    private readonly List<Bookmark> _created = [];
    private readonly List<Guid> _removed = [];
    private readonly List<HistoryEntry> _history = [];
    private readonly List<WorkflowEffect> _effects = [];
    private readonly Queue<(Token Token, string? ViaFlowId)> _queue = new();
    private int _steps;
    private bool _stopped;

    public ExecutionResult Result()
    {
        // A multi-instance task interrupted by a boundary event or a terminate end leaves no token behind; nor should its progress stay.
        foreach (var orphan in instance.MultiInstances.Keys.Where(id => instance.Tokens.All(t => t.Id != id)).ToList())
        {
            instance.MultiInstances.Remove(orphan);
        }

        return new(instance, [.. _created], [.. _removed], [.. _history], [.. _effects]);
    }

    public void Start(FlowNode start, string? messageName, string? actor)
    {
        var trigger = start is TimerStartNode timer ? $", timer {timer.Timer.Text}" : messageName is null ? "" : $", message '{messageName}'";
        Record(null, "InstanceStarted", $"Process {graph.Key} v{graph.Version}{trigger}", actor);
        Spawn(start.Id, null);
        Run();
    }

    /// <summary>Advances queued tokens until each waits, ends, or an incident stops the run.</summary>
    private void Run()
    {
        while (!_stopped)
        {
            // With nothing queued, finished sub-processes complete and inclusive joins with nothing left to wait for fire.
            if (!_queue.TryDequeue(out var item))
            {
                if (Settle())
                {
                    continue;
                }

                break;
            }

            _current = item;
            if (!instance.Tokens.Contains(item.Token))
            {
                continue;
            }

            if (++_steps > services.Options.MaxStepsPerCommand)
            {
                Fault(item.Token.ElementId, "StepLimit",
                    $"The process passed through more than {services.Options.MaxStepsPerCommand} steps without waiting, which means it loops forever. Check the conditions of the loop through '{item.Token.ElementId}'.");
                break;
            }

            Enter(item.Token, graph.Node(item.Token.ElementId), item.ViaFlowId);
        }

        if (!_stopped && instance.Status == InstanceStatus.Running && instance.Tokens.Count == 0)
        {
            instance.Status = InstanceStatus.Completed;
            instance.JoinArrivals.Clear();
            instance.Scopes.Clear();
            Record(null, "InstanceCompleted", null);
        }
    }

    private void Enter(Token token, FlowNode node, string? via)
    {
        Record(node.Id, "ElementEntered", node.Name);
        switch (node)
        {
            case UserTaskNode task:
                CreateUserTask(token, task);
                break;
            case ServiceTaskNode service:
                RunServiceTask(token, service);
                break;
            case ExclusiveGatewayNode gateway:
                Decide(token, gateway);
                break;
            case TimerCatchNode timer:
                AddBookmark(new Bookmark(NewId(), BookmarkKind.Timer, node.Id, token.Id, DueAt: DueAt(timer.Timer)));
                Record(node.Id, "TimerScheduled", null);
                break;
            case MessageCatchNode message:
                Subscribe(token, message);
                break;
            case { Kind: NodeKind.ParallelGateway }:
                Join(token, node, via);
                break;
            case InclusiveGatewayNode inclusive:
                ArriveInclusive(token, inclusive, via);
                break;
            case { Kind: NodeKind.EventBasedGateway }:
                AwaitEvents(token, node);
                break;
            case SubProcessNode subProcess:
                EnterSubProcess(token, subProcess);
                break;
            case CallActivityNode call:
                EnterCallActivity(token, call);
                break;
            case EndEventNode end:
                End(token, end);
                break;
            default:
                // Start events and fired boundary events just pass the token on.
                Leave(token, node);
                break;
        }
    }

    /// <summary>Completes <paramref name="node"/> and sends a new token down every outgoing flow (an implicit parallel split when there are several).</summary>
    private void Leave(Token token, FlowNode node)
    {
        instance.Tokens.Remove(token);
        Record(node.Id, "ElementCompleted", node.Name);
        foreach (var flow in node.Outgoing)
        {
            Spawn(flow.TargetId, flow.Id, token.ScopeId);
        }
    }

    private void Take(Token token, FlowNode node, SequenceFlow flow)
    {
        instance.Tokens.Remove(token);
        Record(node.Id, "ElementCompleted", $"Took sequence flow {flow.Id}");
        Spawn(flow.TargetId, flow.Id, token.ScopeId);
    }

    /// <summary>Places a new token. Each element visit gets a fresh token id so effect idempotency keys stay unique in loops.</summary>
    /// <param name="elementId">Where the token goes.</param>
    /// <param name="via">The sequence flow it arrives by.</param>
    /// <param name="scopeId">The sub-process instance it runs in; when null, the live scope of the element's sub-process (if any).</param>
    private Token Spawn(string elementId, string? via, Guid? scopeId = null)
    {
        var token = new Token(NewId(), elementId, scopeId ?? ScopeOf(elementId));
        instance.Tokens.Add(token);
        _queue.Enqueue((token, via));
        return token;
    }

    private void AddBookmark(Bookmark bookmark)
    {
        instance.Bookmarks.Add(bookmark);
        _created.Add(bookmark);
    }

    private void RemoveBookmark(Bookmark bookmark)
    {
        instance.Bookmarks.Remove(bookmark);

        // Created and withdrawn within one command: the caller never needs to hear of it.
        if (!_created.Remove(bookmark))
        {
            _removed.Add(bookmark.Id);
        }
    }

    private void Merge(JsonObject? variables)
    {
        if (variables is null)
        {
            return;
        }

        foreach (var (name, value) in variables)
        {
            instance.Variables[name] = value?.DeepClone();
        }
    }

    private void Fault(string elementId, string kind, string message)
    {
        instance.Status = InstanceStatus.Faulted;
        instance.Incident = new Incident(elementId, kind, message);
        CaptureIncidentTokens();
        Record(elementId, "Incident", $"{kind}: {message}");
        _stopped = true;
    }

    private DateTimeOffset DueAt(TimerDefinition timer) =>
        timer.At ?? services.Calendar.ComputeDue(Now, timer.Duration!.Value);

    private DateTimeOffset Now => services.Time.GetUtcNow();

    private Guid NewId() => Guid.CreateVersion7(Now);

    private void Record(string? elementId, string eventName, string? details, string? actor = null) =>
        _history.Add(new HistoryEntry(Now, elementId, eventName, details, actor));

    private static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
