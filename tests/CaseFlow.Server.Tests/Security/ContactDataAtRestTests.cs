using System.Data.Common;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Issue 18, item 6: the complainant's name, phone, email and address are nowhere in the database in clear (not in the
/// case row, the instance's variables, the email outbox or any other table; on SQLite not in any byte of the file or its
/// WAL), while everything that matches them still works: the supervisor's phone search, the Art. 17 shared-contact sign,
/// the letters to the complainant's email.
/// </summary>
public sealed class ContactDataAtRestTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private const string Name = "欧阳静怡";
    private const string Phone = "13912345678";
    private const string Email = "ouyang.jingyi@example.cn";
    private const string Address = "甘肃省兰州市城关区东岗西路638号";

    private static readonly string[] DatabaseFiles = ["caseflow.db", "caseflow.db-wal"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ContactFields_AreEncryptedEverywhere_AndStillMatchedAndMailed()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(Complaint(Name, "+86 139-1234-5678", Address));
        var caseId = (string)created["id"]!;
        var other = await intake.CreateAsync(Complaint("慕容雪", Phone, "甘肃省兰州市城关区东岗西路 638 号")); // same phone and address, other name
        await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" });
        var admin = await app.ClientForAsync("admin");
        Assert.True(await Requests.EventuallyAsync(
            async () => (await admin.GetFromJsonAsync<JsonObject>("/api/admin/outbox", Cancel))!["items"]!.AsArray().Any(i => (string?)i!["to"] == Email),
            TimeSpan.FromSeconds(30)), "the acceptance letter was not queued to the complainant's email");

        var leaks = await ClearValuesInDatabaseAsync();
        Assert.True(leaks.Count == 0, "found in clear: " + string.Join("; ", leaks));
        if (!TestDatabases.IsPostgres)
        {
            var bytes = FileLeaks();
            Assert.True(bytes.Count == 0, "found in the SQLite file: " + string.Join("; ", bytes));
        }

        var chief = await app.ClientForAsync("chief");
        var found = (await chief.GetFromJsonAsync<JsonObject>($"/api/cases?phone={Phone}&reason=核实身份&pageSize=200", Cancel))!["items"]!.AsArray();
        Assert.Contains(found, c => (string?)c!["id"] == caseId);
        Assert.Contains(found, c => (string?)c!["id"] == (string)other["id"]!);
        var unmasked = await chief.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}?unmask=true&reason=核实身份", Cancel);
        Assert.Equal(Name, (string?)unmasked!["complainant"]!["name"]);
        Assert.Equal(Address, (string?)unmasked["complainant"]!["address"]);
        var warnings = (await chief.GetCaseAsync((string)other["id"]!))["warnings"]!.AsArray();
        Assert.Contains(warnings, w => (string?)w!["code"] == "shared-contact");
    }

    private static object Complaint(string name, string phone, string address) => new
    {
        kind = "complaint",
        channel = "hotline",
        complainant = new { name, phone, email = Email, address },
        respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
        category = "家用电器",
        subject = "购买的电热水壶漏电",
        description = $"电热水壶漏电，商家拒绝退货（{Guid.NewGuid():N}）。",
    };

    /// <summary>Every text column of every table, read back and searched for the clear values.</summary>
    private async Task<List<string>> ClearValuesInDatabaseAsync()
    {
        var leaks = new List<string>();
        await using var connection = await RawDatabase.OpenAsync(app.DataDirectory, Cancel);
        foreach (var table in await TablesAsync(connection))
        {
            await using var command = connection.Command($"SELECT * FROM \"{table}\"");
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string text && Secrets().FirstOrDefault(s => text.Contains(s, StringComparison.Ordinal)) is { } secret)
                    {
                        leaks.Add($"{table}.{reader.GetName(i)} holds {secret}");
                    }
                }
            }
        }

        return leaks;
    }

    private static async Task<List<string>> TablesAsync(DbConnection connection)
    {
        var sql = TestDatabases.IsPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var tables = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            tables.Add(reader.GetString(0));
        }

        Assert.Contains("Cases", tables);
        return tables;
    }

    private List<string> FileLeaks()
    {
        var leaks = new List<string>();
        foreach (var path in DatabaseFiles.Select(f => Path.Combine(app.DataDirectory, f)).Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(path);
            leaks.AddRange(Secrets().Where(s => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) >= 0).Select(s => $"{Path.GetFileName(path)} holds {s}"));
        }

        return leaks;
    }

    private static string[] Secrets() => [Name, Phone, "139-1234-5678", Email, Address, "东岗西路"];
}
