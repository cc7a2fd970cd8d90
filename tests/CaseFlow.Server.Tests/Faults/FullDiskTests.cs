using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// A document uploaded while the document store's disk is full is refused with 507 and a message saying what to do;
/// nothing is half-written (no row, no partial file, no timeline entry), and once space is freed the same upload works.
/// </summary>
public sealed class FullDiskTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_OnAFullDisk_Answers507_LeavesNothingHalfWritten_AndWorksOnceSpaceIsFreed()
    {
        await using var app = new FullDiskApp();
        await app.InitializeAsync();
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var small = TestFiles.Pdf("第一份证据");
        Assert.Equal(HttpStatusCode.Created, (await intake.UploadAsync(caseId, small, "小票.pdf", "application/pdf")).StatusCode);
        var filesBefore = app.StoredFiles();
        var caseBefore = await intake.GetCaseAsync(caseId);

        var filler = app.Fill();
        var large = TestFiles.Pdf(new string('x', 100 * 1024));
        var refused = await intake.UploadAsync(caseId, large, "现场照片.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.ReadObjectAsync();
        Assert.Equal(507, (int)problem["status"]!);
        Assert.Contains("磁盘空间已满", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("管理员", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(filesBefore, app.StoredFiles()); // no partial file in .incoming, no file without its row
        Assert.Single(await intake.ListAsync(caseId));
        Assert.Equal(Timeline(caseBefore), Timeline(await intake.GetCaseAsync(caseId)));

        File.Delete(filler);
        var retried = await intake.UploadAsync(caseId, large, "现场照片.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var documents = await intake.ListAsync(caseId);
        Assert.Equal(2, documents.Count);
        var stored = documents.Single(d => (string)d!["fileName"]! == "现场照片.pdf")!;
        var download = await intake.GetAsync($"/api/cases/{caseId}/documents/{stored["id"]}/content", Cancel);
        Assert.Equal(large, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(filesBefore.Count + 1, app.StoredFiles().Count);
    }

    private static string Timeline(JsonObject view) =>
        new StringBuilder().AppendJoin('|', view["timeline"]!.AsArray().Select(e => (string)e!["event"]!)).ToString();
}
