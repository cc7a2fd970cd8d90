using System.Xml.Linq;

namespace CaseFlow.Workflows.Tests.Bpmn.Interchange;

/// <summary>The interchange suite's files (copied next to the tests) and what a round trip must keep of them.</summary>
internal static class InterchangeFiles
{
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    /// <summary>Every file with the process CaseFlow must choose from it.</summary>
    public static readonly TheoryData<string, string> All = new()
    {
        { "camunda-style.bpmn", "Process_1mgwbq0" },
        { "signavio-style.bpmn", "sid-process-bureau" },
        { "pools-lanes.bpmn", "Id_process_bureau" },
        { "data-objects.bpmn", "Process_data" },
        { "several-processes.bpmn", "Process_run" },
        { "collective-discussion.bpmn", "collective_discussion" },
        { "utf8-bom.bpmn", "Process_utf8bom" },
        { "utf16le-bom.bpmn", "Process_utf16le" },
        { "utf16be-bom.bpmn", "Process_utf16be" },
        { "utf16le-nobom.bpmn", "Process_utf16nobom" },
        { "gb18030.bpmn", "Process_gb18030" },
        { "gbk.bpmn", "Process_gbk" },
        { "latin1.bpmn", "Process_latin1" },
        { "windows-1252.bpmn", "Process_cp1252" },
    };

    /// <summary>The encoding variants, each with the UTF-8 document it must come back as.</summary>
    public static readonly TheoryData<string> Encoded = new()
    {
        "utf8-bom.bpmn", "utf16le-bom.bpmn", "utf16be-bom.bpmn", "utf16le-nobom.bpmn", "gb18030.bpmn", "gbk.bpmn", "latin1.bpmn", "windows-1252.bpmn",
    };

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Interchange", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>What a diagram is, for comparing two versions of a file: every element with an id, its name, and every shape's bounds and edge's waypoints.</summary>
    public static IReadOnlyList<string> Fingerprint(string xml)
    {
        var document = XDocument.Parse(xml);
        var elements = document.Descendants()
            .Where(e => e.Attribute("id") is not null)
            .Select(e => $"{e.Name.LocalName}#{(string?)e.Attribute("id")}={(string?)e.Attribute("name")}|{(string?)e.Attribute("bpmnElement")}");
        var geometry = document.Descendants()
            .Where(e => e.Name.Namespace == BpmnDi && e.Name.LocalName is "BPMNShape" or "BPMNEdge")
            .Select(e => $"{(string?)e.Attribute("bpmnElement")}:{string.Join(";", e.Descendants().Select(g => string.Join(",", g.Attributes().Select(a => $"{a.Name.LocalName}={a.Value}"))))}");
        var texts = document.Descendants().Where(e => e.Name.LocalName is "text" or "documentation").Select(e => e.Value.Trim());
        return [.. elements, .. geometry, .. texts];
    }
}
