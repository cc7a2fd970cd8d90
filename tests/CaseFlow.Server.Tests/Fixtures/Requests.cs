using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Request bodies and small helpers shared by the API tests.</summary>
public static class Requests
{
    public static object Complaint(string? email = "consumer@example.org", string subject = "购买的电热水壶漏电") => new
    {
        kind = "complaint",
        channel = "hotline",
        complainant = new { name = "刘洋", phone = "13800138000", email, address = "城关区人民路 12 号 3 单元" },
        respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
        category = "家用电器",
        subject,
        description = "2026年11月购买的电热水壶使用两次后漏电，商家拒绝退货。",
        amountInvolved = 199.0,
    };

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("Empty body: " + text);
    }

    public static async Task<JsonObject> CreateComplaintAsync(this HttpClient client, string? email = "consumer@example.org")
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsJsonAsync("/api/cases", Complaint(email));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Intake failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.ReadObjectAsync();
    }

    /// <summary>The open tasks of a case as seen by <paramref name="client"/>'s user in a scope.</summary>
    public static async Task<JsonArray> TasksAsync(this HttpClient client, string caseId, string scope = "candidate")
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/tasks?scope={scope}&caseId={caseId}");
        return page!["items"]!.AsArray();
    }

    public static async Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string taskId, string? outcome, object? variables = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome, variables });
    }

    public static async Task<JsonObject> GetCaseAsync(this HttpClient client, string caseId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", JsonSerializerOptions.Web))!;
    }

    /// <summary>
    /// Asserts that the audit chain verifies (<c>GET /api/admin/audit/verify</c>) within 20 s, the sequencer having linked
    /// what the test's saves wrote; the failure shows the last answer.
    /// </summary>
    public static async Task AssertAuditChainVerifiesAsync(HttpClient admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var linked = await EventuallyAsync(
            async () => (bool)(await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", cancellationToken))!["ok"]!,
            TimeSpan.FromSeconds(20));
        Assert.True(linked, (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", cancellationToken))!.ToJsonString());
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
