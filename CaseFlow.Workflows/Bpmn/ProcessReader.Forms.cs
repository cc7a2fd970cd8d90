using System.Xml.Linq;
using CaseFlow.Forms;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>A user task's form: a form-js JSON schema in <c>&lt;caseflow:form&gt;</c> (docs/forms.md).</summary>
internal sealed partial class ProcessReader
{
    private FormSchema? ReadForm(XElement element, string id, IReadOnlyList<string> outcomes)
    {
        var forms = element.Elements(BpmnNames.Bpmn + "extensionElements").Elements(BpmnNames.CaseFlow + "form").ToList();
        if (forms.Count == 0)
        {
            return null;
        }

        if (forms.Count > 1)
        {
            Error(id, $"{Describe(element)} has {forms.Count} forms; a task has one.", $"{DescribeZh(element)}有 {forms.Count} 个表单；一个任务只能有一个表单。");
        }

        var problems = new List<FormProblem>();
        var form = FormSchemaReader.Read(forms[0].Value, outcomes, problems);
        foreach (var problem in problems)
        {
            var where = problem.ComponentId is null ? "" : $" (component {problem.ComponentId})";
            var whereZh = problem.ComponentId is null ? "" : $"（组件 {problem.ComponentId}）";
            Error(id, $"The form of {Describe(element)}{where}: {problem.Message}", $"{DescribeZh(element)}的表单{whereZh}：{problem.MessageZh}");
        }

        return form;
    }
}
