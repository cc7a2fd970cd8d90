using System.Text.Json.Serialization;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>How much a finding matters: errors stop publishing, warnings and notes only explain.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidationSeverity>))]
public enum ValidationSeverity
{
    /// <summary>The process cannot be published or run until it is fixed.</summary>
    Error,

    /// <summary>Publishing goes ahead, but the legal officer should look (e.g. <c>isExecutable="false"</c>).</summary>
    Warning,

    /// <summary>What CaseFlow did with the file (which process it runs, which documentary elements it keeps but does not run).</summary>
    Info,
}
