using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Commands;

/// <summary>How instance states are stored: web defaults with enums as strings, so rows stay readable.</summary>
public static class EngineJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(WorkflowInstanceState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowInstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowInstanceState>(json, Options)
        ?? throw new InvalidOperationException("Stored instance state is empty.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
