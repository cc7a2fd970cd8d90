namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The server on the real clock over a data directory that outlives it, so a second instance is the same node
/// restarted. Quartz runs the escalation sweep every 0.2 s.
/// </summary>
public sealed class RestartableApp : CaseFlowApp
{
    public RestartableApp(string dataDirectory, bool keepsData)
        : base(dataDirectory) => DeletesDataOnDispose = !keepsData;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("CaseFlow:Scheduling:EscalationSweepSeconds", "0.2")];
}
