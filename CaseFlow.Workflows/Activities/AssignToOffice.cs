using System.Text.Json.Nodes;
using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Assigns the case to a supervision office and remembers it in variable <c>officeId</c>.</summary>
/// <remarks>The variable lets later candidate-group expressions route tasks to the office, e.g. <c>${'office-' + officeId}</c>.</remarks>
[Activity("Case", "分派至监管所", "Assigns the case to a supervision office and sets the process variable officeId.",
    DisplayNameEn = "Assign to office", DescriptionZh = "将案件分派至监管所，并设置流程变量 officeId。")]
public sealed class AssignToOffice : IActivity
{
    /// <summary>The variable that holds the assigned office.</summary>
    public const string OfficeVariable = "officeId";

    [ActivityInput("The office id, literal or an expression over the variables.", Required = true, DisplayNameZh = "监管所")]
    public string? OfficeId { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var office = OfficeId?.Trim();
        if (string.IsNullOrEmpty(office))
        {
            throw new InvalidOperationException("The office id is empty, so the case cannot be assigned.");
        }

        context.AddEffect(new AssignOfficeEffect(context.ElementId, office));
        context.SetVariable(OfficeVariable, JsonValue.Create(office));
    }
}
