using System.Net;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Case documents through the API: type by content, size limit, SHA-256, safe storage, access per case.</summary>
public sealed class CaseDocumentsApiTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    [Fact]
    public async Task Upload_IsListedAndDownloaded_WithItsSha256()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var pdf = TestFiles.Pdf("证据");

        var response = await intake.UploadAsync(caseId, pdf, "购物小票.pdf", "application/pdf", title: "购物小票");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var listed = Assert.Single(await intake.ListAsync(caseId))!;
        Assert.Equal(("购物小票.pdf", "evidence", "购物小票", "application/pdf"), ((string)listed["fileName"]!, (string)listed["kind"]!, (string)listed["title"]!, (string)listed["contentType"]!));
        Assert.Equal((pdf.Length, TestFiles.Sha256(pdf), "intake"), ((int)listed["size"]!, (string)listed["sha256"]!, (string)listed["uploadedBy"]!));

        var download = await intake.GetAsync($"/api/cases/{caseId}/documents/{listed["id"]}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var timeline = (await intake.GetCaseAsync(caseId))["timeline"]!.AsArray();
        Assert.Contains(timeline, e => (string)e!["event"]! == "DocumentUploaded" && ((string)e["details"]!).Contains(TestFiles.Sha256(pdf), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_IsRefused_WhenTheContentIsNotAnAllowedTypeOrNotTheDeclaredOne()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;

        var pngCalledPdf = await intake.UploadAsync(caseId, TestFiles.Png(), "scan.pdf", "application/pdf");
        var binaryCalledPdf = await intake.UploadAsync(caseId, [0x00, 0x01, 0x02, 0xFE, 0xFF], "scan.pdf", null);
        var zipCalledDocx = await intake.UploadAsync(caseId, TestFiles.Zip(asDocx: false), "report.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var docx = await intake.UploadAsync(caseId, TestFiles.Zip(asDocx: true), "调查报告.docx", null);
        var text = await intake.UploadAsync(caseId, TestFiles.Text("询问笔录：当事人承认销售。"), "笔录.txt", "text/plain; charset=utf-8", kind: "letter");

        foreach (var refused in new[] { pngCalledPdf, binaryCalledPdf, zipCalledDocx })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await refused.ReadObjectAsync())["errors"]!["file"]);
        }

        Assert.Equal(HttpStatusCode.Created, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (string)(await docx.ReadObjectAsync())["contentType"]!);
        Assert.Equal(HttpStatusCode.Created, text.StatusCode);
        Assert.Equal(2, (await intake.ListAsync(caseId)).Count);
    }

    [Fact]
    public async Task Upload_IsRefusedWith413_WhenLargerThanTheLimit_AndLeavesNoFile()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var big = TestFiles.Text(new string('证', (int)(DocumentsApp.MaxBytes / 3) + 10));

        var response = await intake.UploadAsync(caseId, big, "big.txt", "text/plain");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("file", (string)(await response.ReadObjectAsync())["field"]!);
        Assert.Empty(await intake.ListAsync(caseId));
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "documents", caseId)));
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "documents", ".incoming")));
    }

    [Fact]
    public async Task Upload_WithATraversalFileName_IsStoredUnderItsIdOnly()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var marker = "traversal-" + Guid.NewGuid().ToString("N");

        var response = await intake.UploadAsync(caseId, TestFiles.Text("x"), $"../../../{marker}.txt", "text/plain");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(marker + ".txt", (string)body["fileName"]!);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "documents", caseId, (string)body["id"]!)));
        var root = Path.GetDirectoryName(Path.GetDirectoryName(app.DataDirectory))!;
        Assert.Empty(Directory.GetFiles(root, marker + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Download_OfAnotherCasesDocument_Is404()
    {
        var intake = await app.ClientForAsync("intake");
        var first = (string)(await intake.CreateComplaintAsync())["id"]!;
        var second = (string)(await intake.CreateComplaintAsync())["id"]!;
        var uploaded = await (await intake.UploadAsync(first, TestFiles.Pdf(), "a.pdf", "application/pdf")).ReadObjectAsync();

        var response = await intake.GetAsync($"/api/cases/{second}/documents/{uploaded["id"]}/content");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.GetAsync($"/api/cases/{Guid.NewGuid()}/documents")).StatusCode);
    }

    [Fact]
    public async Task Documents_AreRefusedToAHandlerOutsideTheCasesOffice_AndBadFieldsAreNamed()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler2");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;

        var forbidden = await handler.UploadAsync(caseId, TestFiles.Pdf(), "a.pdf", "application/pdf");
        var badKind = await intake.UploadAsync(caseId, TestFiles.Pdf(), "a.pdf", "application/pdf", kind: "transfer-package");
        var badItem = await intake.UploadAsync(caseId, TestFiles.Pdf(), "a.pdf", "application/pdf", transferItem: "confession");

        // Another office's case is answered as if it did not exist (the case-access policy).
        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/cases/{caseId}/documents")).StatusCode);
        Assert.NotNull((await badKind.ReadObjectAsync())["errors"]!["kind"]);
        Assert.NotNull((await badItem.ReadObjectAsync())["errors"]!["transferItem"]);
        Assert.Empty(await intake.ListAsync(caseId));
    }
}
