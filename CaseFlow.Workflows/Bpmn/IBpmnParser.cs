namespace CaseFlow.Workflows.Bpmn;

/// <summary>Reads BPMN 2.0 XML into an executable graph, refusing anything outside CaseFlow's subset.</summary>
/// <remarks>
/// Parsing never throws for bad input: malformed XML, DTDs, external entities, unsupported elements and
/// structural errors all come back as <see cref="ValidationError"/>s naming the element, so the API can show
/// a legal officer every problem at once.
/// </remarks>
public interface IBpmnParser
{
    /// <summary>Parses and validates <paramref name="xml"/>.</summary>
    BpmnParseResult Parse(string xml);
}
