using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Start, end, intermediate catch and boundary events.</summary>
internal sealed partial class ProcessReader
{
    private static readonly string[] EventDefinitionNames =
    [
        "messageEventDefinition", "timerEventDefinition", "terminateEventDefinition", "errorEventDefinition",
        "escalationEventDefinition", "signalEventDefinition", "conditionalEventDefinition", "linkEventDefinition",
        "compensateEventDefinition", "cancelEventDefinition", "eventDefinitionRef",
    ];

    private FlowNode ReadStart(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        return definition?.Name.LocalName switch
        {
            null => new StartEventNode(id, Name(element), null),
            "messageEventDefinition" => new StartEventNode(id, Name(element), MessageName(definition, element, id) ?? ""),
            var other => RefuseDefinition(element, id, other, "Start the process without an event, or with a message start event."),
        };
    }

    private FlowNode ReadEnd(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        return definition is null
            ? new FlowNode(id, Name(element), NodeKind.EndEvent, "endEvent")
            : RefuseDefinition(element, id, definition.Name.LocalName, "Only plain (none) end events are supported for now; use one.");
    }

    private FlowNode ReadCatch(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        var correlation = (string?)element.Attribute(BpmnNames.CaseFlow + "correlationKey");
        if (correlation is not null && definition?.Name.LocalName != "messageEventDefinition")
        {
            Error(id, $"{Describe(element)} has caseflow:correlationKey, which only message catch events use. Remove it.");
        }

        switch (definition?.Name.LocalName)
        {
            case "timerEventDefinition":
                return Timer(definition, element, id) is { } timer
                    ? new TimerCatchNode(id, Name(element), timer)
                    : new FlowNode(id, Name(element), NodeKind.Unsupported, "intermediateCatchEvent");
            case "messageEventDefinition":
                return new MessageCatchNode(id, Name(element), MessageName(definition, element, id) ?? "", Template(correlation, element, id, "correlation key"));
            case null:
                Error(id, $"{Describe(element)} does not say what it waits for. Give it a timer or a message.");
                return new FlowNode(id, Name(element), NodeKind.Unsupported, "intermediateCatchEvent");
            default:
                return RefuseDefinition(element, id, definition.Name.LocalName, "Intermediate catch events may wait for a timer or a message.");
        }
    }

    private FlowNode ReadBoundary(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        if (definition?.Name.LocalName != "timerEventDefinition")
        {
            return RefuseDefinition(element, id, definition?.Name.LocalName ?? "no event definition",
                "Only timer boundary events on user tasks are supported for now.");
        }

        var cancel = !string.Equals((string?)element.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);
        var timer = Timer(definition, element, id);
        var attachedTo = ((string?)element.Attribute("attachedToRef"))?.Trim() ?? "";
        if (timer is null)
        {
            return new FlowNode(id, Name(element), NodeKind.Unsupported, "boundaryEvent");
        }

        var node = new BoundaryTimerNode(id, Name(element), attachedTo, cancel, timer);
        _boundaries[id] = node;
        return node;
    }

    private void AttachBoundaries(Dictionary<string, FlowNode> nodes)
    {
        foreach (var boundary in _boundaries.Values)
        {
            if (nodes.GetValueOrDefault(boundary.AttachedToId) is UserTaskNode task)
            {
                task.Boundaries.Add(boundary);
            }
            else if (string.IsNullOrEmpty(boundary.AttachedToId) || !_allIds.Contains(boundary.AttachedToId))
            {
                Error(boundary.Id, $"Boundary event {boundary.Label} is not attached to an existing task (attachedToRef '{boundary.AttachedToId}').");
            }
            else
            {
                Error(boundary.Id, $"Boundary event {boundary.Label} is attached to '{boundary.AttachedToId}', which is a {nodes.GetValueOrDefault(boundary.AttachedToId)?.BpmnType ?? "element"}. CaseFlow supports boundary timers on user tasks only.");
            }
        }
    }

    private XElement? SingleDefinition(XElement element, string id)
    {
        var definitions = element.Elements().Where(e => e.Name.Namespace == BpmnNames.Bpmn && EventDefinitionNames.Contains(e.Name.LocalName)).ToList();
        if (definitions.Count > 1)
        {
            Error(id, $"{Describe(element)} has {definitions.Count} event definitions; CaseFlow supports exactly one per event.");
        }

        return definitions.FirstOrDefault();
    }

    private FlowNode RefuseDefinition(XElement element, string id, string definition, string hint)
    {
        var what = definition.Replace("EventDefinition", "", StringComparison.Ordinal);
        Error(id, $"Element type '{element.Name.LocalName}' with '{what}' is not supported by CaseFlow. {hint}");
        return new FlowNode(id, Name(element), NodeKind.Unsupported, element.Name.LocalName);
    }

    private string? MessageName(XElement definition, XElement element, string id)
    {
        var reference = ((string?)definition.Attribute("messageRef"))?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            Error(id, $"{Describe(element)} does not say which message it waits for. Choose a message (messageRef).");
            return null;
        }

        if (!messages.TryGetValue(reference, out var name))
        {
            Error(id, $"{Describe(element)} refers to the message '{reference}', which is not defined in the document. Add a bpmn:message with that id.");
            return null;
        }

        return name;
    }

    private TimerDefinition? Timer(XElement definition, XElement element, string id)
    {
        var parts = definition.Elements().Where(e => e.Name.Namespace == BpmnNames.Bpmn).ToList();
        if (parts.Count != 1)
        {
            Error(id, $"The timer of {Describe(element)} must have exactly one of timeDuration or timeDate.");
            return null;
        }

        var text = parts[0].Value.Trim();
        switch (parts[0].Name.LocalName)
        {
            case "timeDuration":
                if (BusinessDuration.TryParse(text, out var duration, out var error))
                {
                    return new TimerDefinition(duration, null, duration.ToString());
                }

                Error(id, $"The timer of {Describe(element)} is invalid: {error}");
                return null;
            case "timeDate":
                if (InstantForm().IsMatch(text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return new TimerDefinition(null, at.ToUniversalTime(), text);
                }

                Error(id, $"The timer date of {Describe(element)} must be an ISO 8601 instant with a time zone, for example 2026-05-01T09:00:00+08:00.");
                return null;
            case "timeCycle":
                Error(id, $"The timer of {Describe(element)} repeats (timeCycle), which CaseFlow does not support yet. Use a duration (timeDuration).");
                return null;
            default:
                Error(id, $"The timer of {Describe(element)} contains '{parts[0].Name.LocalName}'; use timeDuration or timeDate.");
                return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantForm();
}
