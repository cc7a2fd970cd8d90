using System.Text.Json.Nodes;
using System.Xml.Linq;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>User and service tasks.</summary>
internal sealed partial class ProcessReader
{
    /// <summary>An abstract task (BPMN's plain <c>task</c>, what most modelers draw by default) does nothing and passes the token on.</summary>
    private FlowNode ReadTask(XElement element, string id)
    {
        CheckChildren(element, id);
        return new FlowNode(id, Name(element), NodeKind.Task, "task");
    }

    /// <summary>A user task; a manual task is one too (work a person does and confirms), as in Camunda and Flowable.</summary>
    private UserTaskNode ReadUserTask(XElement element, string id)
    {
        CheckChildren(element, id, "multiInstanceLoopCharacteristics");
        WarnAboutResourceRoles(element, id);
        var groupsText = (string?)element.Attribute(BpmnNames.CaseFlow + "candidateGroups");
        var groups = new List<ValueTemplate>();
        if (groupsText is not null)
        {
            // A single ${...} may return an array or a comma list, so it is not split on its own commas.
            var parts = TryUnwrap(groupsText.Trim(), out _) ? [groupsText] : groupsText.Split(',');
            foreach (var part in parts.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                if (Template(part, element, id, "candidate groups") is { } template)
                {
                    groups.Add(template);
                }
            }
        }

        var dueText = (string?)element.Attribute(BpmnNames.CaseFlow + "dueIn");
        BusinessDuration? due = null;
        if (dueText is not null)
        {
            if (BusinessDuration.TryParse(dueText, out var parsed, out var error))
            {
                due = parsed;
            }
            else
            {
                Error(id, $"The deadline (caseflow:dueIn) of {Describe(element)} is invalid: {error}", $"{DescribeZh(element)}的期限（caseflow:dueIn）无效：“{dueText}”不是期限。请写工作日如 7wd、自然日如 60d，或 ISO 8601 如 PT5S、P3D（不支持年和月）。");
            }
        }

        var deadlineRule = ((string?)element.Attribute(BpmnNames.CaseFlow + "deadlineRule"))?.Trim();
        if (deadlineRule is { Length: 0 })
        {
            Error(id, $"caseflow:deadlineRule of {Describe(element)} is empty; name a rule code such as complaint.acceptance or remove it.", $"{DescribeZh(element)}的 caseflow:deadlineRule 为空；请填写期限规则代码（如 complaint.acceptance）或删除该属性。");
        }

        var outcomes = ((string?)element.Attribute(BpmnNames.CaseFlow + "outcomes") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var required = ReadRequiredVariables(element, id, outcomes);
        var form = ReadForm(element, id, outcomes);
        if (form is not null && required.Count > 0)
        {
            Error(id, $"{Describe(element)} has both a form and caseflow:requiredVariables; say what is required in the form (validate.required, caseflow:requiredFor) and remove the attribute.",
                $"{DescribeZh(element)}同时有表单和 caseflow:requiredVariables；请在表单中设置必填（validate.required、caseflow:requiredFor），并删除该属性。");
        }

        return new UserTaskNode(id, Name(element), element.Name.LocalName)
        {
            MultiInstance = ReadMultiInstance(element, id),
            RequiredVariables = required,
            Form = form,
            CandidateGroups = groups,
            Assignee = Template((string?)element.Attribute(BpmnNames.CaseFlow + "assignee"), element, id, "assignee"),
            Outcomes = outcomes,
            DueIn = due,
            DueInText = due?.ToString(),
            DeadlineRule = string.IsNullOrEmpty(deadlineRule) ? null : deadlineRule,
        };
    }

    /// <summary>BPMN's potential owners name resources CaseFlow does not have; who may take a task is a candidate group.</summary>
    private void WarnAboutResourceRoles(XElement element, string id)
    {
        var role = element.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnNames.Bpmn
            && e.Name.LocalName is "potentialOwner" or "humanPerformer" or "performer" or "resourceRole");
        if (role is null)
        {
            return;
        }

        var hasGroups = element.Attribute(BpmnNames.CaseFlow + "candidateGroups") is not null || element.Attribute(BpmnNames.CaseFlow + "assignee") is not null;
        var local = role.Name.LocalName;
        errors.Add(new ValidationError(id, hasGroups
            ? $"{Describe(element)} has a bpmn:{local}, which CaseFlow keeps but does not read: the task goes to caseflow:candidateGroups / caseflow:assignee."
            : $"{Describe(element)} names its people with bpmn:{local}, which CaseFlow keeps but does not read, so the task is offered to no group (a supervisor must assign it). Say who may take it with caseflow:candidateGroups=\"legal\" (comma list, ${{expr}} allowed) or caseflow:assignee.")
        {
            MessageZh = hasGroups
                ? $"{DescribeZh(element)}带有 bpmn:{local}，CaseFlow 予以保留但不读取：任务按 caseflow:candidateGroups / caseflow:assignee 分派。"
                : $"{DescribeZh(element)}用 bpmn:{local} 指定办理人，CaseFlow 予以保留但不读取，因此任务不会分派给任何组（需由主管指派）。请用 caseflow:candidateGroups=\"legal\"（逗号分隔，可用 ${{表达式}}）或 caseflow:assignee 指定办理人。",
            Severity = ValidationSeverity.Warning,
        });
    }

    /// <summary>Parses <c>caseflow:requiredVariables="refuse:refusalReason;accept:officeId;*:note"</c>.</summary>
    private Dictionary<string, IReadOnlyList<string>> ReadRequiredVariables(XElement element, string id, List<string> outcomes)
    {
        var required = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var text = (string?)element.Attribute(BpmnNames.CaseFlow + "requiredVariables");
        foreach (var rule in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = rule.Split(':', 2, StringSplitOptions.TrimEntries);
            var names = parts.Length == 2
                ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            if (parts.Length != 2 || names.Length == 0)
            {
                Error(id, $"caseflow:requiredVariables of {Describe(element)} has '{rule}'; write outcome:variable1,variable2 (or *:variable for every outcome), separated by semicolons.",
                    $"{DescribeZh(element)}的 caseflow:requiredVariables 中有“{rule}”；请写成 结果:变量1,变量2（或 *:变量 表示所有结果），用分号分隔。");
                continue;
            }

            if (parts[0] != "*" && !outcomes.Contains(parts[0]))
            {
                Error(id, $"caseflow:requiredVariables of {Describe(element)} names the outcome '{parts[0]}', which is not one of its outcomes ({string.Join(", ", outcomes)}).",
                    $"{DescribeZh(element)}的 caseflow:requiredVariables 提到结果“{parts[0]}”，但它不是该任务的结果之一（{string.Join(", ", outcomes)}）。");
                continue;
            }

            required[parts[0]] = names;
        }

        return required;
    }

    private ServiceTaskNode ReadServiceTask(XElement element, string id)
    {
        CheckChildren(element, id);
        var activityName = ((string?)element.Attribute(BpmnNames.CaseFlow + "activity"))?.Trim();
        var known = string.Join(", ", activities.Descriptors.Select(d => d.Name));
        if (string.IsNullOrEmpty(activityName))
        {
            Error(id, $"{Describe(element)} does not say which activity it runs. Set caseflow:activity to one of: {known}.", $"{DescribeZh(element)}没有说明运行哪个活动。请把 caseflow:activity 设为以下之一：{known}。");
            return new ServiceTaskNode(id, Name(element), "", new Dictionary<string, ValueTemplate>());
        }

        var descriptor = activities.Find(activityName);
        if (descriptor is null)
        {
            Error(id, $"{Describe(element)} runs the activity '{activityName}', which CaseFlow does not know. Known activities: {known}.", $"{DescribeZh(element)}运行的活动“{activityName}”CaseFlow 不认识。已知活动：{known}。");
            return new ServiceTaskNode(id, Name(element), activityName, new Dictionary<string, ValueTemplate>());
        }

        var inputs = new Dictionary<string, ValueTemplate>(StringComparer.Ordinal);
        foreach (var input in element.Elements(BpmnNames.Bpmn + "extensionElements").Elements(BpmnNames.CaseFlow + "input"))
        {
            var name = ((string?)input.Attribute("name"))?.Trim();
            var value = (string?)input.Attribute("value");
            var expression = (string?)input.Attribute("expression");
            if (string.IsNullOrEmpty(name))
            {
                Error(id, $"{Describe(element)} has an input without a name.", $"{DescribeZh(element)}有一个没有名称的输入。");
                continue;
            }

            if (descriptor.Inputs.All(i => i.Name != name))
            {
                Error(id, $"{Describe(element)} sets the input '{name}', but activity {activityName} has no such input. Its inputs are: {string.Join(", ", descriptor.Inputs.Select(i => i.Name))}.",
                    $"{DescribeZh(element)}设置了输入“{name}”，但活动 {activityName} 没有这个输入。它的输入有：{string.Join(", ", descriptor.Inputs.Select(i => i.Name))}。");
                continue;
            }

            if (inputs.ContainsKey(name) || (value is null) == (expression is null))
            {
                Error(id, inputs.ContainsKey(name)
                    ? $"{Describe(element)} sets the input '{name}' more than once."
                    : $"The input '{name}' of {Describe(element)} must have either a value or an expression (exactly one of them).",
                    inputs.ContainsKey(name)
                    ? $"{DescribeZh(element)}多次设置了输入“{name}”。"
                    : $"{DescribeZh(element)}的输入“{name}”必须有 value 或 expression（且只能有其一）。");
                continue;
            }

            if (expression is not null)
            {
                var compiled = Compile(expression, id, $"The input '{name}' of {Describe(element)} has an invalid expression.", $"{DescribeZh(element)}的输入“{name}”表达式无效。");
                inputs[name] = new ValueTemplate(null, compiled);
                continue;
            }

            if (!activities.TryCheckInput(activityName, name, JsonValue.Create(value), out var error))
            {
                Error(id, $"The input '{name}' of {Describe(element)} is invalid: {error}", $"{DescribeZh(element)}的输入“{name}”无效：{error}");
            }

            inputs[name] = new ValueTemplate(value, null);
        }

        foreach (var missing in descriptor.Inputs.Where(i => i.Required && !inputs.ContainsKey(i.Name) && (i.RequiredUnless is null || !inputs.ContainsKey(i.RequiredUnless))))
        {
            Error(id, $"{Describe(element)} does not set the required input '{missing.Name}' of activity {activityName} ({missing.Description})", $"{DescribeZh(element)}没有设置活动 {activityName} 的必填输入“{missing.Name}”（{missing.Description}）。");
        }

        return new ServiceTaskNode(id, Name(element), activityName, inputs)
        {
            Retries = ReadRetries(element, id),
            RetryBackoff = ReadRetryBackoff(element, id),
        };
    }
}
