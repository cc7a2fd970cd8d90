using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>The legal officer's choice of the process to run in a file with several, kept inside the stored document.</summary>
/// <remarks>
/// A published version is only its XML (parsed again after a restart), so the choice travels with it as the
/// processing instruction <c>&lt;?caseflow-process Process_1?&gt;</c> after the XML declaration. Modelers ignore
/// processing instructions, so the diagram is unchanged; the rest of the file stays byte for byte.
/// </remarks>
public static partial class BpmnProcessChoice
{
    /// <summary>The target of the processing instruction.</summary>
    public const string Target = "caseflow-process";

    /// <summary><paramref name="xml"/> naming <paramref name="processId"/> as the process to run (replacing an earlier choice).</summary>
    public static string Name(string xml, string processId)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentException.ThrowIfNullOrWhiteSpace(processId);
        var instruction = $"<?{Target} {processId.Trim()}?>";
        var existing = Existing().Match(xml);
        if (existing.Success)
        {
            return string.Concat(xml.AsSpan(0, existing.Index), instruction, xml.AsSpan(existing.Index + existing.Length));
        }

        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) : -1;
        return declarationEnd < 0
            ? instruction + "\n" + xml
            : string.Concat(xml.AsSpan(0, declarationEnd + 2), "\n", instruction, xml.AsSpan(declarationEnd + 2));
    }

    /// <summary>The named process id, or null when the document names none.</summary>
    internal static string? Read(XDocument document) =>
        document.Nodes().TakeWhile(n => n is not XElement).OfType<XProcessingInstruction>()
            .FirstOrDefault(p => p.Target == Target)?.Data.Trim() is { Length: > 0 } id ? id : null;

    [GeneratedRegex(@"<\?caseflow-process\s[^?]*\?>", RegexOptions.CultureInvariant)]
    private static partial Regex Existing();
}
