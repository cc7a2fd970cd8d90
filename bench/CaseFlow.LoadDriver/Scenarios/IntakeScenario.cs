using CaseFlow.LoadDriver.Baseline;
using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>A hotline complaint registered by the intake user: the built-in complaint process to its acceptance task and deadline.</summary>
internal sealed class IntakeScenario : ILoadScenario, IDisposable
{
    private CaseFlowClient? intake;

    public async Task PrepareAsync(ServerUnderTest server, DriverOptions options) => intake = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");

    public Task RunAsync(int index) => intake!.CreateComplaintAsync(index);

    public async Task<Func<int, Task>> PrepareBaselineAsync(DriverDatabase database)
    {
        await database.AnalyzeAsync();
        var raw = new RawIntake(database);
        await raw.PrepareAsync();
        return raw.RunAsync;
    }

    public void Dispose() => intake?.Dispose();
}
