using System.Reflection;
using System.Xml.Linq;

namespace CaseFlow.Workflows.Processes;

/// <summary>The process library shipped with CaseFlow, as BPMN files embedded in this assembly.</summary>
/// <remarks>The server publishes each at first start; afterwards legal officers own them and may publish new versions.</remarks>
public static class BuiltInProcesses
{
    private const string Prefix = "CaseFlow.Processes.";

    /// <summary>
    /// (process key, BPMN XML) for every shipped process; the key is the file name. A process comes after the built-in
    /// processes its call activities call, because publishing refuses a call to a process not yet published.
    /// </summary>
    public static IEnumerable<(string Key, string Xml)> All()
    {
        var assembly = typeof(BuiltInProcesses).Assembly;
        var processes = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".bpmn", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (Key: name[Prefix.Length..^".bpmn".Length], Xml: Read(assembly, name)))
            .ToList();
        return InCallOrder(processes);
    }

    /// <summary>Orders <paramref name="processes"/> so that called processes come first, otherwise keeping their order.</summary>
    public static IReadOnlyList<(string Key, string Xml)> InCallOrder(IReadOnlyList<(string Key, string Xml)> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var byKey = processes.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var ordered = new List<(string Key, string Xml)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        void Visit((string Key, string Xml) process)
        {
            if (!visited.Add(process.Key))
            {
                return; // done, or a call cycle (a process may call itself): publish order cannot help there
            }

            foreach (var called in CalledKeys(process.Xml).Where(byKey.ContainsKey))
            {
                Visit(byKey[called]);
            }

            ordered.Add(process);
        }

        foreach (var process in processes)
        {
            Visit(process);
        }

        return ordered;
    }

    private static List<string> CalledKeys(string xml) =>
        XDocument.Parse(xml).Descendants()
            .Where(e => e.Name.LocalName == "callActivity")
            .Select(e => (string?)e.Attribute("calledElement"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
