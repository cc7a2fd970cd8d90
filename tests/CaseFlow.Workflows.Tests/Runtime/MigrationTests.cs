using System.Text.Json;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Runtime.Migration;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class MigrationTests
{
    private readonly EngineHarness _harness = new();

    /// <summary>v1: start → review (due in 5 working days, boundary timer 'late') ∥ wait (timer) → ... → end.</summary>
    private ProcessGraph V1() => _harness.Graph(Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:userTask id="review" caseflow:dueIn="5wd" />
        <bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end1" />
        <bpmn:endEvent id="end2" />
        <bpmn:endEvent id="lateEnd" />
        {Flow("f1", "start", "fork")}
        {Flow("f2", "fork", "review")}
        {Flow("f3", "fork", "wait")}
        {Flow("f4", "review", "end1")}
        {Flow("f5", "wait", "end2")}
        {Flow("f6", "late", "lateEnd")}
        """)).WithVersion(1);

    /// <summary>v2: review renamed to check (no boundary timer any more), an approval added after it, wait unchanged.</summary>
    private ProcessGraph V2(string checkType = "userTask") => _harness.Graph(Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:{checkType} id="check" {(checkType == "serviceTask" ? "caseflow:activity=\"AddTimelineEntry\"><bpmn:extensionElements><caseflow:input name=\"event\" value=\"x\" /></bpmn:extensionElements></bpmn:serviceTask>" : "/>")}
        <bpmn:userTask id="approve" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end1" />
        <bpmn:endEvent id="end2" />
        {Flow("f1", "start", "fork")}
        {Flow("f2", "fork", "check")}
        {Flow("f3", "fork", "wait")}
        {Flow("f4", "check", "approve")}
        {Flow("f7", "approve", "end1")}
        {Flow("f5", "wait", "end2")}
        """)).WithVersion(2);

    private static readonly Dictionary<string, string> Renamed = new() { ["review"] = "check" };

    [Fact]
    public void Migrate_DryRun_ListsEveryTokenAndBookmark_AndChangesNothing()
    {
        var instance = _harness.Start(V1()).Instance;
        var before = JsonSerializer.Serialize(instance);

        var outcome = _harness.Engine.Migrate(V1(), instance, V2(), Renamed, dryRun: true, "legal", "new review step");

        Assert.Null(outcome.Result);
        Assert.Equal(before, JsonSerializer.Serialize(instance));
        Assert.True(outcome.Plan.CanMigrate);
        Assert.Equal((1, 2), (outcome.Plan.FromVersion, outcome.Plan.ToVersion));
        Assert.Equal(["review → check", "wait → wait"], outcome.Plan.Tokens.Select(t => $"{t.FromElementId} → {t.ToElementId}").Order());
        var task = Assert.Single(outcome.Plan.Bookmarks, b => b.Kind == BookmarkKind.UserTask);
        Assert.Equal(MigrationAction.Kept, task.Action);
        Assert.Contains("due date", task.Details, StringComparison.Ordinal);
        Assert.Equal(MigrationAction.Withdrawn, Assert.Single(outcome.Plan.Bookmarks, b => b.FromElementId == "late").Action);
        var timer = Assert.Single(outcome.Plan.Bookmarks, b => b.FromElementId == "wait");
        Assert.Equal(MigrationAction.Kept, timer.Action);
    }

    [Fact]
    public void Migrate_DoesExactlyWhatItsDryRunListed()
    {
        var instance = _harness.Start(V1()).Instance;
        var task = EngineHarness.Single(instance, "review");
        var timerDue = EngineHarness.Single(instance, "wait").DueAt;
        var late = EngineHarness.Single(instance, "late");
        var dryRun = _harness.Engine.Migrate(V1(), instance, V2(), Renamed, dryRun: true, "legal", "new review step");

        var real = _harness.Engine.Migrate(V1(), instance, V2(), Renamed, dryRun: false, "legal", "new review step");

        Assert.Equal(JsonSerializer.Serialize(dryRun.Plan), JsonSerializer.Serialize(real.Plan));
        var result = real.Result!;
        Assert.Equal(2, result.Instance.ProcessVersion);
        Assert.Equal(["check", "wait"], result.Instance.ActiveElementIds.Order());
        var kept = EngineHarness.Single(result.Instance, "check");
        Assert.Equal((task.Id, task.Task!.DueAt), (kept.Id, kept.Task!.DueAt));
        Assert.Equal(timerDue, EngineHarness.Single(result.Instance, "wait").DueAt);
        Assert.Equal([late.Id], result.RemovedBookmarkIds);
        Assert.Empty(result.CreatedBookmarks);
        var entry = Assert.Single(result.History);
        Assert.Equal(("InstanceMigrated", "legal", "new review step"), (entry.Event, entry.Actor, entry.Reason));

        // The migrated instance runs on the new version's flows.
        var next = _harness.Engine.CompleteUserTask(V2(), result.Instance, kept.Id, null, "handler1");
        Assert.Contains("approve", next.Instance.ActiveElementIds);
    }

    [Fact]
    public void Migrate_RefusesTokensWithoutCounterpart_AndChangesNothing()
    {
        var instance = _harness.Start(V1()).Instance;
        var before = JsonSerializer.Serialize(instance);

        var outcome = _harness.Engine.Migrate(V1(), instance, V2(), mapping: null, dryRun: false, "legal", "no mapping");

        Assert.False(outcome.Plan.CanMigrate);
        Assert.Null(outcome.Result);
        Assert.Contains("review", Assert.Single(outcome.Plan.Refusals), StringComparison.Ordinal);
        Assert.Null(Assert.Single(outcome.Plan.Tokens, t => t.FromElementId == "review").ToElementId);
        Assert.Equal(before, JsonSerializer.Serialize(instance));
    }

    [Fact]
    public void Migrate_Refuses_ACounterpartOfAnotherType()
    {
        var instance = _harness.Start(V1()).Instance;

        var outcome = _harness.Engine.Migrate(V1(), instance, V2("serviceTask"), Renamed, dryRun: true, "legal", "why");

        Assert.Contains("serviceTask", Assert.Single(outcome.Plan.Refusals), StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_RefusesAMappingToUnknownElements_NamingIt()
    {
        var instance = _harness.Start(V1()).Instance;

        var error = Assert.Throws<InvalidModificationException>(() =>
            _harness.Engine.Migrate(V1(), instance, V2(), new Dictionary<string, string> { ["review"] = "nowhere" }, dryRun: true, "legal", "why"));

        Assert.Equal("mapping.review", error.Field);
    }
}
