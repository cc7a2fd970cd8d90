using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Descriptors;

namespace CaseFlow.Workflows.Tests.Fakes;

/// <summary>An activity with a retry budget that fails while its input says so, so a test can let a later attempt succeed.</summary>
[Activity("Test", "测试重试", "Fails while 'fail' is true.")]
[ActivityRetry(MaxAttempts = 3, BackoffSeconds = 5)]
internal sealed class FlakyActivity : IActivity
{
    [ActivityInput("Whether this run fails.")]
    public bool Fail { get; set; }

    public void Execute(ActivityContext context)
    {
        if (Fail)
        {
            throw new InvalidOperationException("register unavailable");
        }

        context.SetVariable("done", true);
    }
}
