using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Deadlines;

/// <summary><c>caseflow:deadlineRule</c> on a user task: parsed, carried on the task's bookmark, empty refused.</summary>
public sealed class DeadlineRuleAttributeTests
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public void DeadlineRule_IsCarriedOnTheTask_NextToDueIn()
    {
        var graph = _harness.Graph(SingleTask("""caseflow:deadlineRule="complaint.acceptance" caseflow:dueIn="7wd" """));

        var task = EngineHarness.Single(_harness.Start(graph).Instance, "task").Task!;

        Assert.Equal("complaint.acceptance", task.DeadlineRule);
        Assert.Equal("7wd", task.DueIn);
    }

    [Fact]
    public void DeadlineRule_Empty_IsAValidationError()
    {
        var result = _harness.Parser.Parse(SingleTask("""caseflow:deadlineRule=" " """));

        var error = Assert.Single(result.Errors);
        Assert.Equal("task", error.ElementId);
        Assert.Contains("caseflow:deadlineRule", error.Message, StringComparison.Ordinal);
    }
}
