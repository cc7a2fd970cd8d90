using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CaseFlow.Server.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CaseFlow.Server.Tests.Api;

/// <summary><c>/api/reports/summary</c> (JSON, CSV, XLSX) over a seeded year with known figures.</summary>
public sealed class ReportsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Summary_Year_CountsEveryFigureAndWritesTheNarrative()
    {
        await ReportCaseSeed.SeedYearAsync(app.Services, 2024);
        var chief = await app.ClientForAsync("chief");

        var summary = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2024-01-01&to=2024-12-31"))!;

        Assert.Equal(8, (int)summary["received"]!);
        Assert.Equal(4, (int)summary["receivedByKind"]!["complaint"]!);
        Assert.Equal(4, (int)summary["receivedByKind"]!["report"]!);
        Assert.Equal(2, (int)summary["accepted"]!);

        // Handled: the three complaints closed or refused, and the four reports at the 立案 / 不予立案 decision.
        Assert.Equal(7, (int)summary["closed"]!);
        Assert.Equal(87.5m, (decimal)summary["closureRate"]!);
        Assert.Equal(1, (int)summary["inProgress"]!);

        // Items, not deadlines: the 7 handled and TS-00004, open past its step's due instant; TS-00002 was handled late.
        Assert.Equal(8, (int)summary["onTime"]!["due"]!);
        Assert.Equal(6, (int)summary["onTime"]!["met"]!);
        Assert.Equal(75.0m, (decimal)summary["onTimeRate"]!);
        Assert.Equal(3, (int)summary["satisfaction"]!["rated"]!);
        Assert.Equal(66.7m, (decimal)summary["satisfactionRate"]!);
        Assert.Equal(15_555.60m, (decimal)summary["moneyRecovered"]!);
        Assert.Equal(1.56m, (decimal)summary["moneyRecoveredWan"]!);
        Assert.Equal(4, (int)summary["casesOpened"]!);
        Assert.Equal(3, (int)summary["transferredToPolice"]!);
        Assert.Null(summary["mediationSuccessRate"]);
        Assert.Equal(0m, (decimal)summary["finesAndConfiscations"]!);
        var categories = summary["transfersByCategory"]!.AsArray();
        Assert.Equal(["food:食品:2", "drug:药品:1"], categories.Select(c => $"{c!["category"]}:{c["name"]}:{c["count"]}"));
        Assert.Equal(
            "2024年1月1日至2024年12月31日，共受理各类投诉举报8件（其中投诉4件，举报4件），办结7件，办结率87.5%，其它1件正在办理，为消费者挽回经济损失1.56万元。"
            + "到期办理事项8件，按期办结6件，按期办结率75.0%；回访3件，满意率66.7%。"
            + "立案查处各类违法案件4件。"
            + "共向公安机关移送涉刑违法案件3件（其中食品2件，药品1件）。",
            (string)summary["narrative"]!);
    }

    [Fact]
    public async Task Summary_Office_CountsOnlyThatOfficesCases()
    {
        await ReportCaseSeed.SeedYearAsync(app.Services, 2020);
        var chief = await app.ClientForAsync("chief");

        var summary = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2020-01-01&to=2020-12-31&officeId=office-1"))!;

        Assert.Equal("城关市场监管所", (string)summary["officeName"]!);
        Assert.Equal(5, (int)summary["received"]!);
        Assert.Equal(5, (int)summary["closed"]!);
        Assert.Equal(2, (int)summary["casesOpened"]!);
        Assert.Equal(
            "2020年1月1日至2020年12月31日，城关市场监管所共受理各类投诉举报5件（其中投诉2件，举报3件），办结5件，办结率100.0%，为消费者挽回经济损失1.56万元。"
            + "到期办理事项5件，按期办结4件，按期办结率80.0%；回访2件，满意率100.0%。"
            + "立案查处各类违法案件2件。"
            + "共向公安机关移送涉刑违法案件2件（其中食品2件）。",
            (string)summary["narrative"]!);
    }

    [Fact]
    public async Task Summary_PeriodWithNothing_LeavesOutUndefinedRates()
    {
        var chief = await app.ClientForAsync("chief");

        var summary = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2005-03-01&to=2005-03-31"))!;

        Assert.Equal(0, (int)summary["received"]!);
        Assert.Null(summary["closureRate"]);
        Assert.Equal("2005年3月1日至2005年3月31日，共受理各类投诉举报0件。", (string)summary["narrative"]!);
    }

    [Fact]
    public async Task Summary_LastDayIsInclusiveInShanghaiTime()
    {
        await ReportCaseSeed.SeedYearAsync(app.Services, 2016);
        var chief = await app.ClientForAsync("chief");

        // TS2016-S00004 arrives 23:30 on 31 December (15:30 UTC): in a period ending that day; TS2016-S00005 at 00:10 next day is not.
        var lastDay = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2016-12-31&to=2016-12-31"))!;
        var nextDay = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2017-01-01&to=2017-01-01"))!;
        var nextMonth = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2017-01-01&to=2017-01-31"))!;

        Assert.Equal(1, (int)lastDay["received"]!);
        Assert.Equal(1, (int)nextDay["received"]!);
        Assert.Equal(0, (int)nextDay["closed"]!); // closed on 3 January, after that period's end
        Assert.Equal(0m, (decimal)nextDay["moneyRecovered"]!);
        Assert.Equal(1, (int)nextMonth["closed"]!);
        Assert.Equal(1_000_000m, (decimal)nextMonth["moneyRecovered"]!);
        Assert.Contains("为消费者挽回经济损失100万元", (string)nextMonth["narrative"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_InvalidQuery_Returns400NamingTheField()
    {
        var chief = await app.ClientForAsync("chief");

        Assert.Contains("from", await ErrorsAsync(await chief.GetAsync("/api/reports/summary?from=2024/01/01")));
        Assert.Contains("to", await ErrorsAsync(await chief.GetAsync("/api/reports/summary?from=2024-02-01&to=2024-01-31")));
        Assert.Contains("officeId", await ErrorsAsync(await chief.GetAsync("/api/reports/summary.csv?officeId=office-9")));
    }

    [Fact]
    public async Task Summary_Handler_IsForbidden()
    {
        var handler = await app.ClientForAsync("handler1");

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/reports/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/reports/summary.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Csv_HasBomAndTheFigures()
    {
        await ReportCaseSeed.SeedYearAsync(app.Services, 2012);
        var admin = await app.ClientForAsync("admin");

        var response = await admin.GetAsync("/api/reports/summary.csv?from=2012-01-01&to=2012-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("指标,Indicator,数值", lines[0]);
        Assert.Contains("受理投诉举报,Received,8", lines);
        Assert.Contains("办结率（%）,Closure rate (%),87.5", lines);
        Assert.Contains("正在办理,In progress,1", lines);
        Assert.Contains("挽回经济损失（元）,Money recovered (yuan),15555.60", lines);
        Assert.Contains("其中：食品,of which food,2", lines);
        Assert.Contains(lines, l => l.StartsWith("综述,Narrative,2012年1月1日至2012年12月31日，共受理各类投诉举报8件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_IsAZippedWorkbookWithTheFigures()
    {
        await ReportCaseSeed.SeedYearAsync(app.Services, 2008);
        var chief = await app.ClientForAsync("chief");

        var response = await chief.GetAsync("/api/reports/summary.xlsx?from=2008-01-01&to=2008-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
        }

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("_rels/.rels"));
        var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        Assert.Equal("汇总", (string)workbook.Descendants(Main + "sheet").Single().Attribute("name")!);
        var sheet = XDocument.Load(zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open());
        var values = sheet.Descendants(Main + "row").ToDictionary(
            row => CellText(row.Elements(Main + "c").First()),
            row => row.Elements(Main + "c").Last());

        Assert.Equal("数值", CellText(values["指标"]));
        Assert.Equal(8m, CellNumber(values["受理投诉举报"]));
        Assert.Equal(7m, CellNumber(values["办结"]));
        Assert.Equal(87.5m, CellNumber(values["办结率（%）"]));
        Assert.Equal(15_555.6m, CellNumber(values["挽回经济损失（元）"]));
        Assert.Equal(3m, CellNumber(values["移送公安机关"]));
        Assert.Equal(1m, CellNumber(values["其中：药品"]));
        Assert.StartsWith("2008年1月1日至2008年12月31日，共受理各类投诉举报8件", CellText(values["综述"]), StringComparison.Ordinal);
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static string CellText(XElement cell) => string.Concat(cell.Descendants(Main + "t").Select(t => t.Value));

    private static decimal CellNumber(XElement cell)
    {
        Assert.Null(cell.Attribute("t")?.Value is "inlineStr" or "s" ? cell.Attribute("t") : null);
        return decimal.Parse(cell.Element(Main + "v")!.Value, CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyCollection<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ReadObjectAsync())["errors"]!.AsObject().Select(p => p.Key).ToList();
    }
}
