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

    public static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";

    public static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";

    public static string? Id(XElement element) => (string?)element.Attribute("id");

    /// <summary>The element and its descendants in the BPMN and diagram namespaces, skipping vendor extensions and everything inside them.</summary>
    public static IEnumerable<XElement> StandardElements(XElement element)
    {
        var ns = element.Name.Namespace;
        if ((ns != Bpmn && ns != BpmnDi && ns != Dc && ns != Di) || element.Name == Bpmn + "extensionElements")
        {
            yield break;
        }

        yield return element;
        foreach (var child in element.Elements().SelectMany(StandardElements))
        {
            yield return child;
        }
    }
}
