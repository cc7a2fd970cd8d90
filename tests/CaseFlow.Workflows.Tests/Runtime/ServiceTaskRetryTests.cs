using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class ServiceTaskRetryTests
{
    private readonly EngineHarness _harness = new();

    /// <summary>start → svc (FlakyActivity: 3 attempts, 5 s backoff, fails while <c>broken</c>) → review → end.</summary>
    internal static string Flaky(string attributes = "", string input = """<caseflow:input name="fail" expression="broken" />""") => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="svc" caseflow:activity="FlakyActivity" {attributes}><bpmn:extensionElements>{input}</bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:userTask id="review" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "svc")}
        {Flow("f2", "svc", "review")}
        {Flow("f3", "review", "end")}
        """);

    private ExecutionResult Fire(ProcessGraph graph, WorkflowInstanceState instance)
    {
        var timer = EngineHarness.Single(instance, "svc");
        _harness.Time.SetUtcNow(timer.DueAt!.Value);
        return _harness.Engine.FireTimer(graph, instance, timer.Id);
    }

    [Fact]
    public void Retry_KeepsTokenAndSchedulesTimerAfterBackoff_WhenActivityFails()
    {
        var graph = _harness.Graph(Flaky());

        var result = _harness.Start(graph, new JsonObject { ["broken"] = true });

        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
        Assert.Null(result.Instance.Incident);
        Assert.Equal(["svc"], result.Instance.ActiveElementIds);
        var timer = Assert.Single(result.CreatedBookmarks);
        Assert.Equal(BookmarkKind.Timer, timer.Kind);
        Assert.Equal(2, timer.RetryAttempt);
        Assert.Equal(EngineHarness.StartTime.AddSeconds(5), timer.DueAt);
        Assert.Contains(result.History, h => h.Event == "RetryScheduled" && h.Details!.Contains("register unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public void Retry_DoublesBackoff_ThenRaisesIncidentNamingTheAttempts_AfterTheLastAttempt()
    {
        var graph = _harness.Graph(Flaky());
        var instance = _harness.Start(graph, new JsonObject { ["broken"] = true }).Instance;

        var second = Fire(graph, instance);
        var thirdDue = EngineHarness.Single(instance, "svc").DueAt;
        var third = Fire(graph, instance);

        Assert.Equal(3, Assert.Single(second.CreatedBookmarks).RetryAttempt);
        Assert.Equal(EngineHarness.StartTime.AddSeconds(5 + 10), thirdDue);
        Assert.Equal(InstanceStatus.Faulted, third.Instance.Status);
        Assert.Equal("ActivityFailed", third.Instance.Incident!.Kind);
        Assert.Contains("after 3 attempts", third.Instance.Incident.Message, StringComparison.Ordinal);
        Assert.Empty(third.Instance.Bookmarks);
        Assert.Equal(["svc"], third.Instance.ActiveElementIds);
    }

    [Fact]
    public void Retry_ContinuesTheProcess_WhenTheSecondAttemptSucceeds()
    {
        var graph = _harness.Graph(Flaky());
        var instance = _harness.Start(graph, new JsonObject { ["broken"] = true }).Instance;
        instance.Variables["broken"] = false;

        var result = Fire(graph, instance);

        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
        Assert.Equal(["review"], result.Instance.ActiveElementIds);
        Assert.True((bool)result.Instance.Variables["done"]!);
        Assert.Contains(result.History, h => h.Event == "RetryStarted" && h.Details == "Attempt 2");
        Assert.DoesNotContain(result.History, h => h.Event == "TimerFired");
    }

    [Fact]
    public void Retry_UsesTheServiceTaskOverride_OverTheActivityBudget()
    {
        var graph = _harness.Graph(Flaky("""caseflow:retries="1" caseflow:retryBackoff="PT10S" """));
        var started = _harness.Start(graph, new JsonObject { ["broken"] = true });
        var due = EngineHarness.Single(started.Instance, "svc").DueAt;

        var last = Fire(graph, started.Instance);

        Assert.Equal(EngineHarness.StartTime.AddSeconds(10), due);
        Assert.Equal(InstanceStatus.Faulted, last.Instance.Status);
        Assert.Contains("after 2 attempts", last.Instance.Incident!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_IsNotAttempted_ForExpressionErrors()
    {
        var graph = _harness.Graph(Flaky(input: """<caseflow:input name="fail" expression="settings.broken" />"""));

        var result = _harness.Start(graph);

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("ExpressionError", result.Instance.Incident!.Kind);
        Assert.Empty(result.Instance.Bookmarks);
    }

    [Fact]
    public void Registry_ReadsTheRetryBudget_FromTheActivityAttribute()
    {
        var flaky = _harness.Activities.Find("FlakyActivity")!;
        var exploding = _harness.Activities.Find("ExplodingActivity")!;

        Assert.Equal((3, 5d), (flaky.MaxAttempts, flaky.RetryBackoffSeconds));
        Assert.Equal(1, exploding.MaxAttempts);
    }

    [Theory]
    [InlineData("""caseflow:retries="-1" """, "caseflow:retries")]
    [InlineData("""caseflow:retries="many" """, "caseflow:retries")]
    [InlineData("""caseflow:retryBackoff="10 seconds" """, "caseflow:retryBackoff")]
    [InlineData("""caseflow:retryBackoff="P2D" """, "caseflow:retryBackoff")]
    public void Parser_RefusesInvalidRetrySettings(string attributes, string attribute)
    {
        var result = _harness.Parser.Parse(Flaky(attributes));

        var error = Assert.Single(result.Errors);
        Assert.Equal("svc", error.ElementId);
        Assert.Contains(attribute, error.Message, StringComparison.Ordinal);
    }
}
