namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>The server with a test-moved clock for deadline ladders; the scheduled sweep is off, so a test decides when to sweep.</summary>
public sealed class LadderApp : FakeClockCaseFlowApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        base.Settings.Append(new("CaseFlow:Scheduling:EscalationSweepEnabled", "false"));

    /// <summary>Moves the clock to <paramref name="shanghaiTime"/> (local time in Asia/Shanghai); clients made after it sign in anew.</summary>
    public void MoveTo(DateTime shanghaiTime)
    {
        Clock.AdjustTime(new DateTimeOffset(shanghaiTime, TimeSpan.FromHours(8)));
        ForgetTokens();
    }
}
