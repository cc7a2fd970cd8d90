using System.Net;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Issue 18, item 3: after requests that carry an ID number and a phone number in the query (anonymous 401, refused
/// 403, allowed search), no log file under the data directory contains either; logs, database and key are owner-only.
/// </summary>
public sealed class PersonalDataInLogsTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private const string IdNumber = "110105199001010624";
    private const string Phone = "13912345678";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestUrls_WithIdNumberOrPhone_AreRedactedInEveryLogLine()
    {
        var query = $"/api/cases?idNumber={IdNumber}&phone={Phone}&reason=核实";
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(query, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("handler1")).GetAsync(query, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("chief")).GetAsync(query, Cancel)).StatusCode);
        (await anonymous.GetAsync($"/api/cases/{IdNumber}/x?q=+86{Phone}", Cancel)).Dispose(); // in the path and in q, whatever the answer

        var logs = await ReadLogsAsync(until: "/x?q=");

        Assert.Contains("idNumber=***", logs, StringComparison.Ordinal); // the request lines are there, redacted
        Assert.DoesNotContain(IdNumber, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataDirectory_Logs_Database_AndKey_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await (await app.ClientForAsync("intake")).CreateComplaintAsync(); // a case: the key and the database are in use
        await ReadLogsAsync(until: "/api/cases"); // the intake's request line: the log file exists
        var groupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

        var paths = new List<string> { app.DataDirectory, Path.Combine(app.DataDirectory, "logs") };
        paths.AddRange(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "logs")));
        paths.AddRange(Directory.EnumerateFiles(app.DataDirectory, "*.db*"));
        paths.Add(Path.Combine(app.DataDirectory, "security", "data-key"));
        foreach (var path in paths.Where(p => File.Exists(p) || Directory.Exists(p)))
        {
            Assert.True((File.GetUnixFileMode(path) & groupOrOthers) == 0, $"{path}: {File.GetUnixFileMode(path)}");
        }

        Assert.True(paths.Count >= 4, string.Join(", ", paths));
    }

    [Theory]
    [InlineData("GET /api/cases?idNumber=110105199001010624&page=1", "GET /api/cases?idNumber=***&page=1")]
    [InlineData("\"QueryString\":\"?phone=%2B8613912345678\"", "\"QueryString\":\"?phone=***\"")]
    [InlineData("complainant +86 13912345678 called", "complainant +86 139****5678 called")]
    [InlineData("id 11010519900101062X.", "id 110105********062X.")]
    [InlineData("instance 3f2b4c1e-1390-4a1b-9c3d-139123456789 ok", "instance 3f2b4c1e-1390-4a1b-9c3d-139123456789 ok")]
    public void Redactor_MasksQueryValuesIdNumbersAndMobiles_ButNotIds(string line, string expected) =>
        Assert.Equal(expected, PersonalDataRedactor.Redact(line));

    /// <summary>The logs once they hold <paramref name="until"/> (lines are written in the background), or as they are after 10 s.</summary>
    private async Task<string> ReadLogsAsync(string until)
    {
        var text = "";
        await Requests.EventuallyAsync(async () => (text = await ReadLogFilesAsync()).Contains(until, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        return text;
    }

    private async Task<string> ReadLogFilesAsync()
    {
        var directory = Path.Combine(app.DataDirectory, "logs");
        if (!Directory.Exists(directory))
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync(Cancel));
        }

        return text.ToString();
    }
}
