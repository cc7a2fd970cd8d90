using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// <c>dotnet CaseFlow.Server.dll rotate-data-key</c>, with every node stopped: re-encrypts the personal data from the
/// configured key (<c>CaseFlow:Security:DataKey</c>) to <c>CaseFlow:Security:NewDataKey</c> and recomputes the lookup
/// hashes, then marks the database as the new key's, after which the old key is no longer needed (and no longer
/// accepted). While it runs the database is marked as rotating, so no node starts on it with either key; an
/// interrupted run is finished by running it again. Exit 0 when done, 1 when it could not run.
/// </summary>
public static class DataKeyRotation
{
    public const string Name = "rotate-data-key";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (string.IsNullOrWhiteSpace(security.NewDataKey))
        {
            await output.WriteLineAsync("rotate-data-key: 请以 CaseFlow:Security:NewDataKey（环境变量 CaseFlow__Security__NewDataKey）给出新密钥。 Give the new key as CaseFlow:Security:NewDataKey (base64 of 32 random bytes, e.g. `openssl rand -base64 32`).");
            return 1;
        }

        try
        {
            var source = services.GetRequiredService<PersonalDataProtector>();
            var target = new PersonalDataProtector(DataKeySource.Parse(security.NewDataKey, "CaseFlow:Security:NewDataKey"));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var marker = await DataKeyMarker.ReadAsync(db, cancellationToken);
            if (marker == DataKeyMarker.ValueOf(target.KeyId))
            {
                await output.WriteLineAsync($"personal data is already encrypted with the new key {target.KeyId}: nothing to do");
                return 0;
            }

            if (marker is { } m && m != DataKeyMarker.Rotating && m != DataKeyMarker.ValueOf(source.KeyId))
            {
                await output.WriteLineAsync($"rotate-data-key: the database is encrypted with key {DataKeyMarker.KeyIdOf(m)}, not the configured key {source.KeyId}: configure that key as CaseFlow:Security:DataKey.");
                return 1;
            }

            await SetMarkerAsync(db, DataKeyMarker.Rotating, cancellationToken);
            var rekey = new PersonalDataRekey(db, source, target);
            await rekey.RunAsync(line => output.WriteLine(line), cancellationToken);
            await SetMarkerAsync(db, DataKeyMarker.ValueOf(target.KeyId), cancellationToken);
            await services.GetRequiredService<AuditTrail>().RecordNowAsync(
                "system", "DataKeyRotated", null, $"personal data re-encrypted from key {source.KeyId} to key {target.KeyId}: {rekey.Rewritten} rows", cancellationToken);
            await ReplaceDevelopmentKeyAsync(services, security, output, cancellationToken);
            await output.WriteLineAsync($"personal data re-encrypted from key {source.KeyId} to key {target.KeyId}: {rekey.Rewritten} rows. "
                + "Start the nodes with the new key as CaseFlow:Security:DataKey; the old key is no longer needed.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or System.Data.Common.DbException or System.Security.Cryptography.CryptographicException)
        {
            await output.WriteLineAsync($"rotate-data-key: not finished: {ex.Message} (run it again; rows already re-encrypted are kept)");
            return 1;
        }
    }

    private static async Task SetMarkerAsync(CaseFlowDbContext db, long value, CancellationToken cancellationToken)
    {
        var updated = await db.Counters.Where(c => c.Name == DataKeyMarker.CounterName).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, value), cancellationToken);
        if (updated == 0)
        {
            db.Counters.Add(new StoredCounter { Name = DataKeyMarker.CounterName, Value = value });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Outside Production the key may be the generated file in the data directory: it then becomes the new key.</summary>
    private static async Task ReplaceDevelopmentKeyAsync(IServiceProvider services, SecurityOptions security, TextWriter output, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(security.DataKey))
        {
            return;
        }

        var path = DataKeySource.DevelopmentKeyPath(services.GetRequiredService<IOptions<CaseFlowOptions>>().Value.DataDirectoryFullPath);
        await File.WriteAllTextAsync(path, security.NewDataKey!.Trim(), cancellationToken);
        await output.WriteLineAsync($"the development key file {path} now holds the new key");
    }
}
