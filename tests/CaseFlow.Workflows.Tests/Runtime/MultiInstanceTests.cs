using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class MultiInstanceTests
{
    private readonly EngineHarness _harness = new();

    private static string Discussion(string loop, string taskAttributes = """caseflow:assignee="${head}" """) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="discuss" name="集体讨论" {taskAttributes}>
          {loop}
        </bpmn:userTask>
        <bpmn:userTask id="after" caseflow:candidateGroups="legal" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "discuss")}
        {Flow("f2", "discuss", "after")}
        {Flow("f3", "after", "end")}
        """);

    private static JsonObject Heads() => new() { ["heads"] = new JsonArray("chief", "deputy1", "deputy2") };

    [Fact]
    public void Parallel_OpensOneTaskPerHead_AssignedThroughTheElementVariable()
    {
        var graph = _harness.Graph(Discussion("""<bpmn:multiInstanceLoopCharacteristics caseflow:collection="${heads}" caseflow:elementVariable="head" />"""));

        var result = _harness.Start(graph, Heads());

        var tasks = result.Instance.Bookmarks.Where(b => b.ElementId == "discuss").ToList();
        Assert.Equal(["chief", "deputy1", "deputy2"], tasks.Select(t => t.Task!.Assignee).ToArray());
        Assert.Equal([0, 1, 2], tasks.Select(t => t.LoopCounter!.Value).ToArray());
        Assert.Single(result.Instance.Tokens);
    }

    [Fact]
    public void Parallel_ContinuesWhenEveryHeadHasCompleted_AndKeepsEachOpinion()
    {
        var graph = _harness.Graph(Discussion("""<bpmn:multiInstanceLoopCharacteristics caseflow:collection="${heads}" caseflow:elementVariable="head" caseflow:results="opinions" />"""));
        var instance = _harness.Start(graph, Heads()).Instance;
        var tasks = instance.Bookmarks.Where(b => b.ElementId == "discuss").ToList();

        var first = _harness.Engine.CompleteUserTask(graph, instance, tasks[1].Id, new() { ["outcome"] = "agree", ["opinion"] = "同意" }, "deputy1");
        var second = _harness.Engine.CompleteUserTask(graph, first.Instance, tasks[0].Id, new() { ["outcome"] = "disagree" }, "chief");
        Assert.DoesNotContain(second.Instance.Bookmarks, b => b.ElementId == "after");
        var third = _harness.Engine.CompleteUserTask(graph, second.Instance, tasks[2].Id, new() { ["outcome"] = "agree" }, "deputy2");

        EngineHarness.Single(third.Instance, "after");
        Assert.Empty(third.Instance.MultiInstances);
        var opinions = third.Instance.Variables["opinions"]!.AsArray();
        Assert.Equal(["deputy1", "chief", "deputy2"], opinions.Select(o => (string)o!["completedBy"]!).ToArray());
        Assert.Equal("同意", (string)opinions[0]!["variables"]!["opinion"]!);
        Assert.Equal("deputy1", (string)opinions[0]!["item"]!);
    }

    [Fact]
    public void CompletionCondition_EndsTheStepEarly_AndWithdrawsTheOpenTasks()
    {
        var graph = _harness.Graph(Discussion("""
            <bpmn:multiInstanceLoopCharacteristics caseflow:collection="${heads}" caseflow:elementVariable="head">
              <bpmn:completionCondition>${results.filter(r => r.outcome == 'agree').length * 2 &gt; nrOfInstances}</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
            """));
        var instance = _harness.Start(graph, Heads()).Instance;
        var tasks = instance.Bookmarks.Where(b => b.ElementId == "discuss").ToList();

        var first = _harness.Engine.CompleteUserTask(graph, instance, tasks[0].Id, new() { ["outcome"] = "agree" }, "chief");
        var second = _harness.Engine.CompleteUserTask(graph, first.Instance, tasks[1].Id, new() { ["outcome"] = "agree" }, "deputy1");

        Assert.Contains(tasks[2].Id, second.RemovedBookmarkIds);
        Assert.DoesNotContain(second.Instance.Bookmarks, b => b.ElementId == "discuss");
        EngineHarness.Single(second.Instance, "after");
        Assert.Contains(second.History, h => h.Event == "MultiInstanceCompletedEarly");
    }

    [Fact]
    public void Sequential_OpensTheNextTaskOnlyWhenThePreviousIsCompleted()
    {
        var graph = _harness.Graph(Discussion("""<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>""", """caseflow:candidateGroups="${'office-' + (loopCounter + 1)}" """));
        var started = _harness.Start(graph);
        var instance = started.Instance;
        var first = EngineHarness.Single(instance, "discuss");

        var afterFirst = _harness.Engine.CompleteUserTask(graph, instance, first.Id, null, "handler1");
        var second = EngineHarness.Single(afterFirst.Instance, "discuss");
        var afterSecond = _harness.Engine.CompleteUserTask(graph, afterFirst.Instance, second.Id, null, "handler2");

        Assert.Equal(["office-1"], first.Task!.CandidateGroups);
        Assert.Equal(["office-2"], second.Task!.CandidateGroups);
        EngineHarness.Single(afterSecond.Instance, "after");
    }

    [Fact]
    public void EmptyCollection_SkipsTheStep()
    {
        var graph = _harness.Graph(Discussion("""<bpmn:multiInstanceLoopCharacteristics caseflow:collection="${heads}" caseflow:elementVariable="head" />"""));

        var result = _harness.Start(graph, new() { ["heads"] = new JsonArray() });

        EngineHarness.Single(result.Instance, "after");
    }

    [Fact]
    public void CollectionThatIsNotAList_FaultsTheInstance_NamingTheTask()
    {
        var graph = _harness.Graph(Discussion("""<bpmn:multiInstanceLoopCharacteristics caseflow:collection="${heads}" caseflow:elementVariable="head" />"""));

        var result = _harness.Start(graph, new() { ["heads"] = "chief" });

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("discuss", result.Instance.Incident!.ElementId);
    }

    [Fact]
    public void CamundaAttributes_AreReadToo()
    {
        var xml = Discussion("""<bpmn:multiInstanceLoopCharacteristics xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:collection="${heads}" camunda:elementVariable="head" />""");

        var result = _harness.Start(_harness.Graph(xml), Heads());

        Assert.Equal(3, result.Instance.Bookmarks.Count(b => b.ElementId == "discuss"));
    }

    [Fact]
    public void MultiInstance_WithoutCountOrCollection_IsRefusedWithAHint()
    {
        var error = Assert.Single(_harness.Parser.Parse(Discussion("<bpmn:multiInstanceLoopCharacteristics />")).Errors);

        Assert.Equal("discuss", error.ElementId);
        Assert.Contains("loopCardinality", error.Message, StringComparison.Ordinal);
        Assert.Contains("caseflow:collection", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiInstanceServiceTask_IsRefused_PointingToUserTasks()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="svc" caseflow:activity="ExplodingActivity"><bpmn:multiInstanceLoopCharacteristics /></bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "svc")}
            {Flow("f2", "svc", "end")}
            """);

        var errors = _harness.Parser.Parse(xml).Errors;

        Assert.Contains(errors, e => e.ElementId == "svc" && e.Message.Contains("multi-instance", StringComparison.Ordinal) && e.Message.Contains("user tasks", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Severity != ValidationSeverity.Error);
    }
}
