using System.Globalization;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Security;

/// <summary>
/// Records in the database which key its personal data is encrypted with (the counter <c>personal-data-key</c>), and
/// at every start refuses a key that is not that one: a wrong key would otherwise start and fail on every read. The
/// first start with encryption (or on a new database) encrypts what was stored in clear before, then sets the marker.
/// </summary>
internal sealed class DataKeyMarker(IServiceProvider services, PersonalDataProtector protector, ILogger<DataKeyMarker> logger) : IHostedService
{
    public const string CounterName = "personal-data-key";

    /// <summary>The marker's value while a rotation runs: no key may start the server until it has finished.</summary>
    public const long Rotating = 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var marker = await ReadAsync(db, cancellationToken);
        if (marker == ValueOf(protector.KeyId))
        {
            return;
        }

        if (marker is not null)
        {
            throw WrongKey(marker.Value, protector.KeyId);
        }

        var rekey = new PersonalDataRekey(db, protector, protector);
        await rekey.RunAsync(line => logger.LogInformation("Personal data encrypted at rest: {Progress}", line), cancellationToken);
        try
        {
            db.Counters.Add(new StoredCounter { Name = CounterName, Value = ValueOf(protector.KeyId) });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node set it first: it must name this key too.
            db.ChangeTracker.Clear();
            var other = await ReadAsync(db, cancellationToken);
            if (other != ValueOf(protector.KeyId))
            {
                throw WrongKey(other ?? Rotating, protector.KeyId);
            }
        }

        logger.LogInformation("Personal data is encrypted with data key {KeyId} ({Rows} rows encrypted at this start)", protector.KeyId, rekey.Rewritten);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task<long?> ReadAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Counters.AsNoTracking().Where(c => c.Name == CounterName).Select(c => (long?)c.Value).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A key id (16 hex digits) as the counter's number.</summary>
    public static long ValueOf(string keyId) => unchecked((long)ulong.Parse(keyId, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    public static string KeyIdOf(long value) => unchecked((ulong)value).ToString("x16", CultureInfo.InvariantCulture);

    private static InvalidOperationException WrongKey(long marker, string configured) =>
        marker == Rotating
            ? new InvalidOperationException(
                "个人信息密钥轮换尚未完成：请以原密钥和新密钥再次运行 rotate-data-key，完成后再启动。 "
                + "A personal-data key rotation was started and has not finished: run `dotnet CaseFlow.Server.dll rotate-data-key` again (old key as CaseFlow:Security:DataKey, new key as CaseFlow:Security:NewDataKey), then start with the new key.")
            : new InvalidOperationException(
                $"配置的个人信息密钥（{configured}）不是本数据库所用的密钥（{KeyIdOf(marker)}）：请配置正确的 CaseFlow:Security:DataKey；更换密钥须运行 rotate-data-key。 "
                + $"The configured CaseFlow:Security:DataKey (key {configured}) is not the key this database's personal data is encrypted with (key {KeyIdOf(marker)}). Configure that key; to change keys run `dotnet CaseFlow.Server.dll rotate-data-key` (docs/security.md).");
}
