namespace CaseFlow.Workflows.Descriptors;

/// <summary>Marks an activity property as an input a process definition sets with <c>caseflow:input</c>.</summary>
/// <param name="description">What the input means, shown in the Designer's property panel.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ActivityInputAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>True when a definition must declare the input; checked when the BPMN is validated.</summary>
    public bool Required { get; init; }

    /// <summary>The name of another input that, when declared, makes this required input optional.</summary>
    public string? RequiredUnless { get; init; }

    /// <summary>The input name in BPMN; defaults to the camel-cased property name.</summary>
    public string? Name { get; init; }

    /// <summary>Label in Chinese for the property panel.</summary>
    public string? DisplayNameZh { get; init; }
}
