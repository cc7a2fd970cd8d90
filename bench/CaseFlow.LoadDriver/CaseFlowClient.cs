using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.LoadDriver;

/// <summary>The public API as the load scenarios use it: one HttpClient (connection pool) per signed-in demo user.</summary>
internal sealed class CaseFlowClient : IDisposable
{
    private readonly HttpClient http;

    private CaseFlowClient(HttpClient http) => this.http = http;

    public static async Task<CaseFlowClient> SignInAsync(Uri baseUrl, string userName)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password = "caseflow-demo" });
        response.EnsureSuccessStatusCode();
        var token = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new CaseFlowClient(http);
    }

    /// <summary>Registers a hotline complaint; returns the case id. Each call has its own Idempotency-Key.</summary>
    public async Task<Guid> CreateComplaintAsync(int index)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/cases") { Content = JsonContent.Create(Complaint(index)) };
        request.Headers.Add("Idempotency-Key", $"load-{Guid.NewGuid():N}");
        using var response = await http.SendAsync(request);
        await EnsureAsync(response);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }

    /// <summary>The intake group's unclaimed tasks, first page.</summary>
    public async Task<JsonArray> CandidateTasksAsync(int pageSize = 50)
    {
        using var response = await http.GetAsync($"api/tasks?scope=candidate&pageSize={pageSize}");
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }

    /// <summary>The first page of open tasks in <paramref name="scope"/> (mine, candidate or all); returns the total the server counted.</summary>
    public async Task<long> TaskPageAsync(string scope, int pageSize = 50)
    {
        using var response = await http.GetAsync($"api/tasks?scope={scope}&pageSize={pageSize}");
        await EnsureAsync(response);
        return (long)(await response.Content.ReadFromJsonAsync<JsonObject>())!["total"]!;
    }

    /// <summary>The first page of the case list (newest first); returns its total.</summary>
    public async Task<long> CasePageAsync(int pageSize = 50)
    {
        using var response = await http.GetAsync($"api/cases?pageSize={pageSize}");
        await EnsureAsync(response);
        return (long)(await response.Content.ReadFromJsonAsync<JsonObject>())!["total"]!;
    }

    /// <summary>The open task of a case (its first one).</summary>
    public async Task<Guid> OpenTaskOfAsync(Guid caseId)
    {
        using var response = await http.GetAsync($"api/tasks?scope=candidate&caseId={caseId}");
        await EnsureAsync(response);
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        return Guid.Parse((string)items[0]!["id"]!);
    }

    public async Task AcceptAsync(Guid taskId)
    {
        using var response = await http.PostAsJsonAsync($"api/tasks/{taskId}/complete", new { outcome = "accept", variables = new { officeId = "office-1" } });
        await EnsureAsync(response);
    }

    /// <summary>Admin: forgets the server's serial-section histograms (after the warm-up).</summary>
    public async Task ResetWritePathAsync()
    {
        using var response = await http.PostAsync("api/admin/write-path/reset", null);
        await EnsureAsync(response);
    }

    /// <summary>Admin: the server's serial-section histograms since the last reset.</summary>
    public async Task<JsonArray> WritePathAsync() =>
        (await http.GetFromJsonAsync<JsonObject>("api/admin/write-path"))!["sections"]!.AsArray();

    /// <summary>
    /// Admin: verifies the audit chain (GET /api/admin/audit/verify) until every entry written is linked and the chain
    /// holds, or <paramref name="timeout"/> passes; returns the last answer.
    /// </summary>
    public async Task<JsonObject> VerifiedAuditChainAsync(TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = (await http.GetFromJsonAsync<JsonObject>("api/admin/audit/verify"))!;
            if (ChainHolds(answer) || waited.Elapsed > timeout)
            {
                return answer;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Whether an answer of the audit check says the chain verifies with every entry linked.</summary>
    public static bool ChainHolds(JsonObject answer) => (bool)answer["ok"]! && (long)answer["unlinked"]! == 0;

    public void Dispose() => http.Dispose();

    private static object Complaint(int index) => new
    {
        kind = "complaint",
        channel = "hotline",
        complainant = new { name = "刘洋", phone = $"138{index % 100_000_000:D8}", email = "consumer@example.org", address = "城关区人民路 12 号" },
        respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
        category = "家用电器",
        subject = "电热水壶漏电",
        description = $"购买的电热水壶使用两次后漏电，商家拒绝退货（第 {index} 件）。",
        amountInvolved = 199.0,
    };

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {body[..Math.Min(body.Length, 300)]}");
        }
    }
}
