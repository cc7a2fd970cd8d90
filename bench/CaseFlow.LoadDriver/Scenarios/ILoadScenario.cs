using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>One named workload: its preparation (not measured) and one operation, and the raw baseline doing the same rows.</summary>
internal interface ILoadScenario
{
    /// <summary>Seeds what the operations need while the server runs (not measured).</summary>
    Task PrepareAsync(ServerUnderTest server, DriverOptions options);

    /// <summary>Operation <paramref name="index"/> through the HTTP API.</summary>
    Task RunAsync(int index);

    /// <summary>The same rows written (or read) by raw ADO.NET on the stopped server's database; prepared before it runs.</summary>
    Task<Func<int, Task>> PrepareBaselineAsync(DriverDatabase database);
}

/// <summary>A scenario whose data is written straight into the stopped server's database before the measured start.</summary>
internal interface IDirectSeeding
{
    bool SeedsDirectly(DriverOptions options);

    Task SeedDirectlyAsync(DriverDatabase database, DriverOptions options);
}
