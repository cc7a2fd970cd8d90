using System.Collections.Concurrent;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>
/// The soak's working day in miniature, by operation index: 4 in 10 register a hotline complaint, 3 in 10 accept the
/// acceptance task of a complaint registered earlier (two requests: find the task, complete it), 3 in 10 read the
/// intake group's queue. A completion with no complaint left to accept reads the queue instead.
/// </summary>
internal sealed class SoakMix : IDisposable
{
    private readonly ConcurrentQueue<Guid> registered = new();
    private CaseFlowClient? intake;

    public async Task PrepareAsync(ServerUnderTest server) => intake = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");

    public async Task RunAsync(int index)
    {
        var client = intake ?? throw new InvalidOperationException("PrepareAsync first");
        switch (index % 10)
        {
            case < 4:
                registered.Enqueue(await client.CreateComplaintAsync(index));
                break;
            case < 7 when registered.TryDequeue(out var caseId):
                await client.AcceptAsync(await client.OpenTaskOfAsync(caseId));
                break;
            default:
                await client.CandidateTasksAsync();
                break;
        }
    }

    public void Dispose() => intake?.Dispose();
}
