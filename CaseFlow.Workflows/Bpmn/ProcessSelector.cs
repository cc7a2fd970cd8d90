using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Chooses the one process of a file CaseFlow runs, and says why.</summary>
/// <remarks>
/// Tools put several processes in one file: one per pool of a collaboration (Signavio, Bizagi, ARIS), an empty
/// "black box" pool for the other party, or documentation-only processes. The choice, in order: the process the
/// legal officer named (<see cref="BpmnProcessChoice"/>); otherwise, among the processes that have steps, those
/// marked <c>isExecutable="true"</c>, then those that do not say, then those marked <c>false</c>; within a group the
/// first pool of the collaboration, then the first in the file. <c>isExecutable="false"</c> on the chosen process
/// is a warning next to the other findings, not instead of them.
/// </remarks>
internal static class ProcessSelector
{
    private static readonly HashSet<string> FlowNodes = new(StringComparer.Ordinal)
    {
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
        "task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "scriptTask", "businessRuleTask",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
        "subProcess", "adHocSubProcess", "transaction", "callActivity",
    };

    public static XElement? Select(XDocument document, List<ValidationError> findings)
    {
        var root = document.Root!;
        var processes = root.Elements(BpmnNames.Bpmn + "process").ToList();
        if (processes.Count == 0)
        {
            findings.Add(new(BpmnNames.Definitions, "The document contains no process (bpmn:process), only other definitions; there is nothing CaseFlow could run. Draw the process steps in a pool or process.")
            {
                MessageZh = "文档中没有流程（bpmn:process），只有其他定义，CaseFlow 没有可运行的内容。请在池或流程中画出流程步骤。",
            });
            return null;
        }

        var named = BpmnProcessChoice.Read(document);
        if (named is not null)
        {
            return Named(processes, named, findings);
        }

        var pools = root.Elements(BpmnNames.Bpmn + "collaboration").Elements(BpmnNames.Bpmn + "participant")
            .Select(p => ((string?)p.Attribute("processRef"))?.Trim())
            .OfType<string>()
            .ToList();
        var ranked = processes
            .Select((p, index) => (Process: p, Index: index, Steps: p.Elements().Count(e => e.Name.Namespace == BpmnNames.Bpmn && FlowNodes.Contains(e.Name.LocalName))))
            .OrderBy(p => p.Steps > 0 ? 0 : 1)
            .ThenBy(p => Executable(p.Process) switch { true => 0, null => 1, false => 2 })
            .ThenBy(p => PoolIndex(pools, p.Process) is { } pool ? pool : int.MaxValue)
            .ThenBy(p => p.Index)
            .ToList();
        var chosen = ranked[0].Process;
        var withSteps = ranked.Where(r => r.Steps > 0).ToList();
        if (processes.Count > 1)
        {
            Explain(chosen, withSteps.Select(r => r.Process).ToList(), processes.Count, pools, findings);
        }

        WarnNotExecutable(chosen, findings);
        return chosen;
    }

    private static XElement? Named(List<XElement> processes, string named, List<ValidationError> findings)
    {
        var chosen = processes.FirstOrDefault(p => string.Equals(BpmnNames.Id(p), named, StringComparison.Ordinal));
        var ids = string.Join(", ", processes.Select(Label));
        if (chosen is null)
        {
            findings.Add(new(BpmnNames.Definitions, $"The process to run was named '{named}', but the file has no process with that id. Its processes: {ids}.")
            {
                MessageZh = $"指定运行的流程为“{named}”，但文件中没有该 id 的流程。文件中的流程：{ids}。",
            });
            return null;
        }

        if (processes.Count > 1)
        {
            findings.Add(Info(BpmnNames.Id(chosen)!, $"CaseFlow runs the process {Label(chosen)} because it was named when the draft was saved (?process={named}); the file's other processes ({ids}) are kept but not run.",
                $"CaseFlow 运行流程 {Label(chosen)}，因为保存草稿时指定了它（?process={named}）；文件中的其他流程（{ids}）予以保留，但不运行。"));
        }

        WarnNotExecutable(chosen, findings);
        return chosen;
    }

    private static void Explain(XElement chosen, List<XElement> withSteps, int count, List<string> pools, List<ValidationError> findings)
    {
        var id = BpmnNames.Id(chosen) ?? BpmnNames.Definitions;
        var others = withSteps.Where(p => p != chosen).ToList();
        string why, whyZh;
        if (withSteps.Count <= 1)
        {
            why = withSteps.Count == 1 ? "it is the only one with steps (the others are empty pools)" : "none of them has steps; it is the first";
            whyZh = withSteps.Count == 1 ? "它是唯一有步骤的流程（其他都是空池）" : "所有流程都没有步骤，取第一个";
        }
        else if (Executable(chosen) == true && others.All(o => Executable(o) != true))
        {
            why = "it is the only one with steps marked isExecutable=\"true\"";
            whyZh = "它是唯一标记为 isExecutable=\"true\" 且有步骤的流程";
        }
        else if (PoolIndex(pools, chosen) is not null)
        {
            why = "it is the first pool of the collaboration that has steps";
            whyZh = "它是协作图中第一个有步骤的池";
        }
        else
        {
            why = "it is the first process with steps in the file";
            whyZh = "它是文件中第一个有步骤的流程";
        }

        var rest = others.Count == 0 ? "" : $" The other processes with steps ({string.Join(", ", others.Select(Label))}) are kept but not run; to run one of them instead, save the draft with ?process=<its id>.";
        var restZh = others.Count == 0 ? "" : $"其他有步骤的流程（{string.Join("、", others.Select(Label))}）予以保留但不运行；如需改为运行其中之一，请以 ?process=<其 id> 保存草稿。";
        findings.Add(Info(id, $"The file has {count} processes; CaseFlow runs {Label(chosen)} because {why}.{rest}",
            $"文件中有 {count} 个流程；CaseFlow 运行 {Label(chosen)}，因为{whyZh}。{restZh}"));
    }

    private static void WarnNotExecutable(XElement chosen, List<ValidationError> findings)
    {
        if (Executable(chosen) == false)
        {
            findings.Add(new(BpmnNames.Id(chosen) ?? BpmnNames.Definitions,
                $"The process {Label(chosen)} is marked isExecutable=\"false\" (many modelers' default for a drawing). CaseFlow checks it as an executable process all the same and will run it once published; set isExecutable=\"true\" to say it is meant to run.")
            {
                MessageZh = $"流程 {Label(chosen)} 标记为 isExecutable=\"false\"（许多建模工具画图时的默认值）。CaseFlow 仍按可执行流程检查它，发布后即可运行；请设置 isExecutable=\"true\" 以表明该流程用于运行。",
                Severity = ValidationSeverity.Warning,
            });
        }
    }

    /// <summary>True, false, or null when the attribute is absent (BPMN gives it no default for a process).</summary>
    private static bool? Executable(XElement process) => ((string?)process.Attribute("isExecutable"))?.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" => true,
        "FALSE" or "0" => false,
        _ => null,
    };

    private static int? PoolIndex(List<string> pools, XElement process)
    {
        var index = BpmnNames.Id(process) is { } id ? pools.IndexOf(id) : -1;
        return index < 0 ? null : index;
    }

    private static string Label(XElement process)
    {
        var id = BpmnNames.Id(process) ?? "(no id)";
        return (string?)process.Attribute("name") is { Length: > 0 } name ? $"'{name.Trim()}' ({id})" : $"'{id}'";
    }

    private static ValidationError Info(string elementId, string message, string messageZh) =>
        new(elementId, message) { MessageZh = messageZh, Severity = ValidationSeverity.Info };
}
