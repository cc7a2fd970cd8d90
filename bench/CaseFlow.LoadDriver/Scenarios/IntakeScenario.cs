using CaseFlow.LoadDriver.Baseline;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>A hotline complaint registered by the intake user: the built-in complaint process to its acceptance task and deadline.</summary>
internal sealed class IntakeScenario : ILoadScenario, IDisposable
{
    private CaseFlowClient? intake;

    public async Task PrepareAsync(ServerUnderTest server, DriverOptions options) => intake = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");

    public Task RunAsync(int index) => intake!.CreateComplaintAsync(index);

    public async Task<Func<int, Task>> PrepareBaselineAsync(string databasePath)
    {
        var raw = new RawIntake(databasePath);
        await raw.PrepareAsync();
        return raw.RunAsync;
    }

    public void Dispose() => intake?.Dispose();
}
