using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Steps through the complaint and report processes as the users of a county bureau would.</summary>
public static class CaseSteps
{
    public static object Report(string phone = "13900139000", string description = "店内销售无强制性认证标志的电热水壶。") => new
    {
        kind = "report",
        channel = "hotline",
        complainant = new { name = "周敏", phone },
        respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
        category = "家用电器",
        subject = "销售无3C标志电热水壶",
        description,
    };

    public static async Task<JsonObject> CreateAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Intake failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.ReadObjectAsync();
    }

    /// <summary>The id of the case's one open task at <paramref name="elementId"/> (fails the test when there is none).</summary>
    public static async Task<string> TaskAtAsync(this HttpClient client, string caseId, string elementId)
    {
        var view = await client.GetCaseAsync(caseId);
        var task = view["tasks"]!.AsArray().SingleOrDefault(t => (string)t!["elementId"]! == elementId)
            ?? throw new InvalidOperationException($"No open task {elementId}; open: {view["tasks"]!.ToJsonString()}");
        return (string)task["id"]!;
    }

    /// <summary>Completes the open task at <paramref name="elementId"/> and expects 200.</summary>
    public static async Task StepAsync(this HttpClient client, string caseId, string elementId, string outcome, object? variables = null)
    {
        var response = await client.CompleteAsync(await client.TaskAtAsync(caseId, elementId), outcome, variables);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{elementId} → {outcome}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static object Agreement(decimal recovered = 199m) => new
    {
        consent = "both-parties",
        mediationResult = "商家同意退货并退款",
        recoveredAmount = recovered,
        mediationDocument = "issued",
    };
}
