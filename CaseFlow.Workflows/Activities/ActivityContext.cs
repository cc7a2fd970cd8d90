using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>What an activity may see and do while it runs.</summary>
/// <remarks>
/// Variable changes, effects and notes are buffered and applied only when the activity returns normally, so a
/// failing activity leaves the instance exactly as it was before the service task.
/// </remarks>
public sealed class ActivityContext
{
    private readonly JsonObject _variables;
    private readonly Dictionary<string, JsonNode?> _changes = new(StringComparer.Ordinal);
    private readonly List<WorkflowEffect> _effects = [];
    private readonly List<string> _notes = [];

    internal ActivityContext(
        Guid instanceId,
        string? businessKey,
        string elementId,
        Guid tokenId,
        JsonObject variables,
        IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        InstanceId = instanceId;
        BusinessKey = businessKey;
        ElementId = elementId;
        TokenId = tokenId;
        _variables = variables;
        Inputs = inputs;
    }

    public Guid InstanceId { get; }

    /// <summary>The instance's business key (for case processes: the case number).</summary>
    public string? BusinessKey { get; }

    /// <summary>The service task's BPMN id.</summary>
    public string ElementId { get; }

    public Guid TokenId { get; }

    /// <summary>Stable per (instance, element, token): put it on effects so a re-run never duplicates them.</summary>
    public string IdempotencyKey => $"{InstanceId}:{ElementId}:{TokenId}";

    /// <summary>The evaluated inputs by name (also bound to the activity's input properties).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Inputs { get; }

    internal IReadOnlyDictionary<string, JsonNode?> VariableChanges => _changes;

    internal IReadOnlyList<WorkflowEffect> Effects => _effects;

    internal IReadOnlyList<string> Notes => _notes;

    /// <summary>An input converted to <typeparamref name="T"/>, or default when it is absent or null.</summary>
    public T? GetInput<T>(string name) =>
        Inputs.TryGetValue(name, out var node) && node is not null ? node.Deserialize<T>() : default;

    /// <summary>A process variable as JSON (including changes made by this activity).</summary>
    public JsonNode? GetVariable(string name) =>
        _changes.TryGetValue(name, out var changed) ? changed : _variables[name];

    /// <summary>A copy of every process variable as this activity sees it (including its own changes).</summary>
    public JsonObject SnapshotVariables()
    {
        var copy = (JsonObject)_variables.DeepClone();
        foreach (var (name, value) in _changes)
        {
            copy[name] = value?.DeepClone();
        }

        return copy;
    }

    /// <summary>Sets a process variable when the activity completes.</summary>
    public void SetVariable(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _changes[name] = value?.DeepClone();
    }

    /// <summary>Requests a side effect, committed with the instance.</summary>
    public void AddEffect(WorkflowEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        _effects.Add(effect);
    }

    /// <summary>Adds a line to the instance history (no personal data), e.g. why nothing was done.</summary>
    public void AddNote(string details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details);
        _notes.Add(details);
    }
}
