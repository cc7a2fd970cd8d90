using System.Text.Json.Nodes;
using CaseFlow.Workflows.Descriptors;

namespace CaseFlow.Workflows.Activities;

/// <summary>The activities service tasks can run, with their descriptors.</summary>
/// <remarks>One registry serves the parser (to refuse unknown activities and inputs at upload), the engine (to run them) and the API (to describe them).</remarks>
public interface IActivityRegistry
{
    /// <summary>All activities, ordered by category then name; served at <c>/api/activity-descriptors</c>.</summary>
    IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    /// <summary>The descriptor of <paramref name="name"/>, or null when there is no such activity.</summary>
    ActivityDescriptor? Find(string name);

    /// <summary>Checks that <paramref name="value"/> fits the input's type; used on literals at validation time.</summary>
    bool TryCheckInput(string activityName, string inputName, JsonNode? value, out string? error);

    /// <summary>Creates a fresh activity with its input properties set from <paramref name="inputs"/>.</summary>
    /// <exception cref="ActivityInputException">An input value does not fit the input's type.</exception>
    /// <exception cref="KeyNotFoundException">There is no activity named <paramref name="name"/>.</exception>
    IActivity Create(string name, IReadOnlyDictionary<string, JsonNode?> inputs);
}
