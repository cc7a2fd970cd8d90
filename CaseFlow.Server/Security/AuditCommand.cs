namespace CaseFlow.Server.Security;

/// <summary>
/// <c>dotnet CaseFlow.Server.dll verify-audit</c>: verifies the audit chain of the configured database (same settings as
/// the server: appsettings, <c>CaseFlow__...</c> environment variables, <c>--key=value</c> arguments) and exits without
/// starting the server. Exit code 0 when the chain holds, 2 naming the first broken link, 1 when it could not check.
/// </summary>
public static class AuditCommand
{
    public const string Name = "verify-audit";

    public const int Broken = 2;

    public const int CouldNotCheck = 1;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
            if (result.Ok)
            {
                await output.WriteLineAsync($"audit chain ok: {result.Entries} entries{(result.Unlinked > 0 ? $", {result.Unlinked} written in the last moments not yet linked" : "")}");
                return 0;
            }

            if (result.BrokenAtSeq is null)
            {
                await output.WriteLineAsync($"audit chain FAULT: {result.Problem} ({result.Entries} linked entries hold)");
                return Broken;
            }

            await output.WriteLineAsync($"audit chain BROKEN at entry {result.BrokenAtSeq}: {result.Problem} ({result.Entries} entries before it hold)");
            return Broken;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await output.WriteLineAsync($"audit chain not checked: {ex.Message}");
            return CouldNotCheck;
        }
    }
}
