using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Drives the built-in enforcement process through the API as the county bureau would: a report (stand-in process) is
/// opened as a case (立案) and calls <c>enforcement</c> on the same case; each step is completed by the group it is for.
/// </summary>
internal sealed class EnforcementSteps(CaseFlowApp app)
{
    /// <summary>Publishes the stand-in report (立案 → call enforcement) and, unless told not to, police-transfer processes, then opens a case.</summary>
    public async Task<string> OpenCaseAsync(bool withPoliceTransfer = true)
    {
        var legal = await app.ClientForAsync("legal");
        if (withPoliceTransfer)
        {
            await PublishPoliceTransferAsync();
        }

        await PublishAsync(legal, "report", TestProcesses.ReportOpeningEnforcement());

        var intake = await app.ClientForAsync("intake");
        var created = await intake.PostAsJsonAsync("/api/cases", new
        {
            kind = "report",
            channel = "platform",
            complainant = new { name = "周涛", phone = "13900139000", address = "城关区建设路 5 号" },
            respondent = new { name = "城关副食品商店", address = "城关区解放路 20 号" },
            category = "食品",
            subject = "销售过期食品",
            description = "该店货架上摆放已过保质期的酸奶十余盒。",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (string)(await created.ReadObjectAsync())["id"]!;
        await CompleteAsync("intake", caseId, "decideFiling", "open", new { officeId = "office-1" });
        return caseId;
    }

    /// <summary>Opens a case and takes the general procedure up to the decision, the party answering with <paramref name="statementOutcome"/>.</summary>
    public async Task<string> UpToDecisionAsync(string statementOutcome = "statement", bool withPoliceTransfer = true)
    {
        var caseId = await OpenCaseAsync(withPoliceTransfer);
        await CompleteAsync("handler1", caseId, "investigate", "concluded", new { evidence = "现场检查笔录、照片、进货单据", investigationReport = "当事人销售超过保质期的食品，违法事实清楚" });
        await CompleteAsync("legal", caseId, "review", "approve", new { reviewOpinion = "事实清楚，证据确凿，适用依据正确" });
        await CompleteAsync("handler1", caseId, "serveNotice", "served", new { noticeNumber = "城市监罚告〔2026〕12号", proposedPenalty = "没收违法所得并处罚款五万元" });
        await CompleteAsync("handler1", caseId, "partyStatement", statementOutcome, statementOutcome == "statement" ? new { statementSummary = "当事人承认违法事实，请求从轻处罚" } : null);
        return caseId;
    }

    private static readonly string[] ChiefAndDeputy = ["chief", "deputy1"];

    /// <summary>A penalty decision's variables with the heads' collective discussion (PPR Art. 60): the chief and a deputy on 2026-07-03.</summary>
    public static object Penalty(string penaltyDecision, string decisionNumber) => new
    {
        penaltyDecision,
        decisionNumber,
        discussionParticipants = ChiefAndDeputy,
        discussionConclusion = "同意给予行政处罚",
        discussionDate = "2026-07-03",
    };

    /// <summary>The only open task of the case at <paramref name="elementId"/>, as <paramref name="userName"/> sees it.</summary>
    public async Task<JsonObject> TaskAsync(string userName, string caseId, string elementId)
    {
        var client = await app.ClientForAsync(userName);
        var tasks = await client.TasksAsync(caseId);
        return Assert.Single(tasks, t => (string)t!["elementId"]! == elementId)!.AsObject();
    }

    public async Task CompleteAsync(string userName, string caseId, string elementId, string outcome, object? variables = null)
    {
        var task = await TaskAsync(userName, caseId, elementId);
        var response = await (await app.ClientForAsync(userName)).CompleteAsync((string)task["id"]!, outcome, variables);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{elementId} → {outcome}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonObject> CaseAsync(string caseId) => await (await app.ClientForAsync("chief")).GetCaseAsync(caseId);

    /// <summary>The case's deadline for <paramref name="ruleCode"/>; the latest when the rule ran more than once.</summary>
    public async Task<JsonObject> DeadlineAsync(string caseId, string ruleCode) =>
        (await CaseAsync(caseId))["deadlines"]!.AsArray().Last(d => (string?)d!["ruleCode"] == ruleCode)!.AsObject();

    public async Task PublishPoliceTransferAsync() =>
        await PublishAsync(await app.ClientForAsync("legal"), "police-transfer", TestProcesses.PoliceTransferStandIn());

    private static async Task PublishAsync(HttpClient legal, string key, string xml)
    {
        var draft = await ProcessesApiTests.PutDraftAsync(legal, key, xml);
        Assert.True((bool)draft["valid"]!, draft.ToJsonString());
        var publish = await legal.PostAsync($"/api/processes/{key}/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
    }
}
