using System.Reflection;

namespace CaseFlow.Workflows.Processes;

/// <summary>The process library shipped with CaseFlow, as BPMN files embedded in this assembly.</summary>
/// <remarks>The server publishes each at first start; afterwards legal officers own them and may publish new versions.</remarks>
public static class BuiltInProcesses
{
    private const string Prefix = "CaseFlow.Processes.";

    /// <summary>(process key, BPMN XML) for every shipped process; the key is the file name.</summary>
    public static IEnumerable<(string Key, string Xml)> All()
    {
        var assembly = typeof(BuiltInProcesses).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".bpmn", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return (name[Prefix.Length..^".bpmn".Length], Read(assembly, name));
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
