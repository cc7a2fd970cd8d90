using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Issue 18, item 6: <c>rotate-data-key</c> re-encrypts the personal data with a new key and recomputes the lookup
/// hashes; afterwards the server starts with the new key alone (everything readable and searchable) and refuses the old
/// one, and a server given a key that is not the database's refuses to start instead of failing on every read.
/// </summary>
public sealed class DataKeyRotationTests : IDisposable
{
    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13712345670";
    private static readonly string OldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotation_ReencryptsEverything_ThenOnlyTheNewKeyStarts()
    {
        string caseId;
        await using (var before = new KeyedApp(dataDirectory, OldKey))
        {
            var intake = await before.ClientForAsync("intake");
            caseId = (string)(await intake.CreateAsync(Complaint()))["id"]!;
            await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" }); // an email in the outbox too
        }

        var (code, output) = await ServerCommand.RunAsync(dataDirectory, "rotate-data-key", Cancel,
            ("CaseFlow:Security:DataKey", OldKey), ("CaseFlow:Security:NewDataKey", NewKey));
        Assert.True(code == 0, output);
        Assert.Contains("re-encrypted", output, StringComparison.Ordinal);

        var newKeyId = new PersonalDataProtector(Convert.FromBase64String(NewKey)).KeyId;
        var ciphers = await CiphersAsync();
        Assert.NotEmpty(ciphers);
        Assert.All(ciphers, c => Assert.StartsWith($"v2:{newKeyId}:", c, StringComparison.Ordinal));

        await using (var withOldKey = new KeyedApp(dataDirectory, OldKey))
        {
            var refused = Record.Exception(() => withOldKey.Server);
            Assert.NotNull(refused);
            Assert.Contains("CaseFlow:Security:DataKey", refused.ToString(), StringComparison.Ordinal);
        }

        await using var after = new KeyedApp(dataDirectory, NewKey);
        var chief = await after.ClientForAsync("chief");
        var unmasked = await chief.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}?unmask=true&reason=核实身份", Cancel);
        Assert.Equal("宇文博", (string?)unmasked!["complainant"]!["name"]);
        Assert.Equal(Phone, (string?)unmasked["complainant"]!["phone"]);
        Assert.Equal(IdNumber, (string?)unmasked["complainant"]!["idNumber"]);
        foreach (var search in new[] { $"phone={Phone}", $"idNumber={IdNumber}" })
        {
            var found = (await chief.GetFromJsonAsync<JsonObject>($"/api/cases?{search}&reason=核实身份", Cancel))!["items"]!.AsArray();
            Assert.Contains(found, c => (string?)c!["id"] == caseId);
        }

        var (again, againOutput) = await ServerCommand.RunAsync(dataDirectory, "verify-audit", Cancel, ("CaseFlow:Security:DataKey", NewKey));
        Assert.True(again == 0, againOutput);
    }

    [Fact]
    public async Task AServerGivenAnotherKey_RefusesToStart_NamingTheSetting()
    {
        await using (var first = new KeyedApp(dataDirectory, OldKey))
        {
            await (await first.ClientForAsync("intake")).CreateAsync(Complaint());
        }

        await using var wrong = new KeyedApp(dataDirectory, NewKey);
        var refused = Record.Exception(() => wrong.Server);
        Assert.NotNull(refused);
        Assert.Contains("rotate-data-key", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactDataStoredInClearBeforeEncryption_IsEncryptedAtTheNextStart()
    {
        string caseId;
        await using (var first = new KeyedApp(dataDirectory, OldKey))
        {
            caseId = (string)(await (await first.ClientForAsync("intake")).CreateAsync(Complaint()))["id"]!;
        }

        await using (var connection = await RawDatabase.OpenAsync(dataDirectory, Cancel))
        {
            // As an older version left it: clear values, no lookup hash, no key marker.
            await using var clear = connection.Command(
                "UPDATE \"Cases\" SET \"ComplainantName\" = '司马光', \"ComplainantPhone\" = '13700000001', \"ComplainantPhoneHash\" = NULL WHERE \"Id\" = @id",
                ("@id", RawDatabase.Id(caseId)));
            Assert.Equal(1, await clear.ExecuteNonQueryAsync(Cancel));
            await using var marker = connection.Command("DELETE FROM \"Counters\" WHERE \"Name\" = 'personal-data-key'");
            Assert.Equal(1, await marker.ExecuteNonQueryAsync(Cancel));
        }

        await using var after = new KeyedApp(dataDirectory, OldKey);
        var chief = await after.ClientForAsync("chief");
        Assert.Equal("司马光", (string?)(await chief.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}?unmask=true&reason=核实身份", Cancel))!["complainant"]!["name"]);
        var found = (await chief.GetFromJsonAsync<JsonObject>("/api/cases?phone=13700000001&reason=核实身份", Cancel))!["items"]!.AsArray();
        Assert.Contains(found, c => (string?)c!["id"] == caseId);
        Assert.DoesNotContain(await CiphersAsync(), v => v.Contains("司马光", StringComparison.Ordinal) || v.Contains("13700000001", StringComparison.Ordinal));
    }

    public void Dispose() => TestDatabases.Delete(dataDirectory);

    private static object Complaint() => new
    {
        kind = "complaint",
        channel = "hotline",
        complainant = new { name = "宇文博", phone = Phone, email = "yuwen.bo@example.cn", address = "甘肃省兰州市七里河区西津西路16号", idNumber = IdNumber },
        respondent = new { name = "七里河家电商行", address = "七里河区西津西路 20 号" },
        category = "家用电器",
        subject = "购买的电热水壶漏电",
        description = "电热水壶漏电，商家拒绝退货。",
    };

    /// <summary>Every non-empty value of the encrypted columns, as stored.</summary>
    private async Task<List<string>> CiphersAsync()
    {
        var values = new List<string>();
        await using var connection = await RawDatabase.OpenAsync(dataDirectory, Cancel);
        foreach (var sql in new[]
        {
            "SELECT \"ComplainantName\", \"ComplainantPhone\", \"ComplainantEmail\", \"ComplainantAddress\", \"ComplainantIdNumberCipher\" FROM \"Cases\"",
            "SELECT \"StateJson\" FROM \"Instances\"",
            "SELECT \"To\", \"Body\" FROM \"OutboxMessages\"",
        })
        {
            await using var command = connection.Command(sql);
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetString(i) is { Length: > 0 } value)
                    {
                        values.Add(value);
                    }
                }
            }
        }

        return values;
    }

    /// <summary>A server on the shared data directory, with the given key configured; the directory outlives it.</summary>
    private sealed class KeyedApp : CaseFlowApp
    {
        private readonly string key;

        public KeyedApp(string dataDirectory, string key)
            : base(dataDirectory)
        {
            this.key = key;
            DeletesDataOnDispose = false;
        }

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Security:DataKey", key)];
    }
}
