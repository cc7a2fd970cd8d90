using System.Text.RegularExpressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// A choice field's options must be what the flow tests: a gateway condition <c>satisfaction == 'pleased'</c> after a
/// form offering very-satisfied / satisfied / ... can never be true, and the case would take the default path unnoticed.
/// </summary>
internal static class FormFlowCheck
{
    public static void Check(IReadOnlyDictionary<string, FlowNode> nodes, IReadOnlyDictionary<string, SequenceFlow> flows, List<ValidationError> errors)
    {
        var conditions = flows.Values.Where(f => f.Condition is not null).Select(f => (f.Id, Source: f.Condition!.Source)).ToList();
        if (conditions.Count == 0)
        {
            return;
        }

        foreach (var task in nodes.Values.OfType<UserTaskNode>().Where(t => t.Form is not null))
        {
            foreach (var field in task.Form!.Fields.Where(f => f.Type is "select" or "radio" && f.Options.Count > 0))
            {
                var key = Regex.Escape(field.Key);
                var pattern = new Regex(
                    $@"(?<![\w.])(?:variables\.)?{key}\s*[!=]==?\s*(['""])(?<v>[^'""]*)\1|(['""])(?<v>[^'""]*)\2\s*[!=]==?\s*(?:variables\.)?{key}(?![\w])",
                    RegexOptions.None, TimeSpan.FromMilliseconds(200));
                foreach (var (flowId, source) in conditions)
                {
                    foreach (Match match in pattern.Matches(source))
                    {
                        var value = match.Groups["v"].Value;
                        if (field.Options.All(o => o.Value != value))
                        {
                            errors.Add(new ValidationError(task.Id,
                                $"The condition of flow '{flowId}' tests {field.Key} against '{value}', but the form of '{task.Name ?? task.Id}' offers only: {string.Join(", ", field.Options.Select(o => o.Value))}. Make the option list and the condition agree.")
                            {
                                MessageZh = $"连线“{flowId}”的条件把 {field.Key} 与“{value}”比较，但任务“{task.Name ?? task.Id}”的表单只提供这些选项：{string.Join("、", field.Options.Select(o => o.Value))}。请使选项与条件一致。",
                            });
                        }
                    }
                }
            }
        }
    }
}
