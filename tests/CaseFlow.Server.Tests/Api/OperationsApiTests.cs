using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>The admin outbox through the real sign-in, and what the logs must never contain.</summary>
public sealed class OperationsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task AdminOutbox_ListsSentMail_ForAdminOnly()
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");
        var email = $"outbox-{Guid.NewGuid():N}@example.org";
        var created = await intake.CreateComplaintAsync(email);
        var task = (await intake.TasksAsync((string)created["id"]!))[0]!;
        await intake.CompleteAsync((string)task["id"]!, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "不属于本机关管辖" });

        var sent = await Requests.EventuallyAsync(
            async () => (await admin.GetFromJsonAsync<JsonObject>("/api/admin/outbox?state=sent"))!["items"]!.AsArray().Any(i => (string)i!["to"]! == email),
            TimeSpan.FromSeconds(15));
        var byIntake = await intake.GetAsync("/api/admin/outbox");
        using var anonymous = app.CreateClient();
        var byAnonymous = await anonymous.GetAsync("/api/admin/outbox");

        Assert.True(sent, "the refusal letter never showed as sent");
        Assert.Equal(HttpStatusCode.Forbidden, byIntake.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byAnonymous.StatusCode);
    }

    [Fact]
    public async Task Logs_HoldNoPersonalData_AfterAFullComplaint()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();
        var task = (await intake.TasksAsync((string)created["id"]!))[0]!;
        await intake.CompleteAsync((string)task["id"]!, "accept", new { officeId = "office-1" });
        var logs = Path.Combine(app.DataDirectory, "logs");

        var text = "";

        // Lines are written in the background: wait for the last request's line, so the whole journey is in the files.
        var written = await Requests.EventuallyAsync(
            () => Task.FromResult((text = Directory.Exists(logs) ? string.Concat(Directory.GetFiles(logs).Select(ReadShared)) : "").Contains("/complete", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10));

        Assert.True(written, "the log files under the data directory do not show the journey's requests");
        Assert.DoesNotContain("13800138000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("刘洋", text, StringComparison.Ordinal);
        Assert.DoesNotContain("人民路", text, StringComparison.Ordinal);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
