using System.Text.Json.Nodes;
using CaseFlow.Workflows.Processes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;

namespace CaseFlow.Workflows.Tests.Runtime;

public class BuiltInProcessTests
{
    private readonly EngineHarness _harness = new();

    public static TheoryData<string> Keys() => [.. BuiltInProcesses.All().Select(p => p.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void BuiltInProcess_IsValid_AndItsIdIsTheKey(string key)
    {
        var graph = _harness.Graph(BuiltInProcesses.All().Single(p => p.Key == key).Xml);

        Assert.Equal(key, graph.ProcessId);
    }

    [Fact]
    public void ComplaintProcess_EveryUserTaskHasAForm()
    {
        var graph = _harness.Graph(BuiltInProcesses.All().Single(p => p.Key == "complaint").Xml);

        foreach (var task in new[] { "decideAcceptance", "awaitCorrection", "mediate", "terminationNotice", "returnVisit" })
        {
            var form = graph.GetTaskForm(task);
            Assert.NotNull(form);
            Assert.NotNull(form.OutcomeField);
            Assert.All(form.Fields, f => Assert.False(string.IsNullOrEmpty(f.Label)));
        }

        Assert.True(graph.GetTaskForm("mediate")!.Field("recoveredAmount")!.Money);
    }

    [Fact]
    public void ComplaintProcess_RunsFromAcceptanceToMediation()
    {
        var graph = _harness.Graph(BuiltInProcesses.All().Single(p => p.Key == "complaint").Xml);
        var variables = new JsonObject
        {
            ["caseNumber"] = "TS-2026-0001",
            ["subject"] = "预付卡退费",
            ["complainantName"] = "李女士",
            ["complainantEmail"] = "li@example.com",
        };
        var started = _harness.Start(graph, variables);
        var decide = EngineHarness.Single(started.Instance, "decideAcceptance");

        Assert.Equal(["intake"], decide.Task!.CandidateGroups);
        var form = graph.GetTaskForm("decideAcceptance")!;
        Assert.True(form.Field("refusalReason")!.IsRequiredFor("refuse"));
        Assert.False(form.Field("refusalReason")!.IsRequiredFor("accept"));
        Assert.Equal(7, form.Field("refusalGround")!.Options.Count);
        Assert.Empty(decide.Task.RequiredVariables);

        // Escalation is the deadline ladder's job (rule complaint.acceptance), not a boundary timer in the diagram.
        Assert.DoesNotContain(started.Instance.Bookmarks, b => b.Kind == BookmarkKind.Timer);
        Assert.Equal("complaint.acceptance", decide.Task.DeadlineRule);

        var accepted = _harness.Engine.CompleteUserTask(graph, started.Instance, decide.Id, new JsonObject { ["outcome"] = "accept", ["officeId"] = "office-1" }, "intake");

        Assert.Equal(InstanceStatus.Running, accepted.Instance.Status);
        Assert.Equal(["mediate"], accepted.Instance.ActiveElementIds);
        Assert.Equal(["office-1"], EngineHarness.Single(accepted.Instance, "mediate").Task!.CandidateGroups);
        Assert.Collection(
            accepted.Effects,
            e => Assert.Equal("Accepted", Assert.IsType<SetCaseStatusEffect>(e).Status),
            e => Assert.Equal("li@example.com", Assert.IsType<SendEmailEffect>(e).To),
            e => Assert.Equal("office-1", Assert.IsType<AssignOfficeEffect>(e).OfficeId),
            e => Assert.Equal("Mediating", Assert.IsType<SetCaseStatusEffect>(e).Status));
    }
}
