using System.Globalization;
using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// Raw case numbers as the server takes them (CaseNumberBlocks): a block of <see cref="BlockSize"/> numbers reserved by
/// one short statement committed on its own, handed out in memory; so no intake transaction holds the counter row.
/// </summary>
internal sealed class RawNumberBlocks(DriverDatabase database)
{
    public const int BlockSize = 100;
    private const string Name = "RAW2026";
    private static readonly SemaphoreSlim Refill = new(1, 1); // one raw intake baseline per process
    private long next;
    private long end;

    public async Task<long> NextAsync(Func<Func<Task<long>>, Task<long>> asWriter)
    {
        await Refill.WaitAsync();
        try
        {
            if (next >= end)
            {
                var last = await asWriter(ReserveAsync);
                (next, end) = (last - BlockSize, last);
            }

            return ++next;
        }
        finally
        {
            Refill.Release();
        }
    }

    public async Task PrepareAsync()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""INSERT INTO "Counters" ("Name", "Value") VALUES ('{Name}', 0) ON CONFLICT ("Name") DO NOTHING""";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ReserveAsync()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""UPDATE "Counters" SET "Value" = "Value" + {BlockSize} WHERE "Name" = '{Name}' RETURNING "Value" """;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
