using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>XML namespaces and names CaseFlow reads.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public static readonly XNamespace CaseFlow = "urn:caseflow:bpmn:1";

    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The element id used for problems with the document as a whole.</summary>
    public const string Definitions = "definitions";

    public static string? Id(XElement element) => (string?)element.Attribute("id");
}
