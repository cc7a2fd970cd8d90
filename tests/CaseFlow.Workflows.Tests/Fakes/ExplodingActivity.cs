using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Descriptors;

namespace CaseFlow.Workflows.Tests.Fakes;

/// <summary>An activity that always throws, to prove failures become incidents.</summary>
[Activity("Test", "测试失败", "Always fails.")]
internal sealed class ExplodingActivity : IActivity
{
    [ActivityInput("Why it fails.")]
    public string? Reason { get; set; }

    public void Execute(ActivityContext context) => throw new InvalidOperationException(Reason ?? "boom");
}
