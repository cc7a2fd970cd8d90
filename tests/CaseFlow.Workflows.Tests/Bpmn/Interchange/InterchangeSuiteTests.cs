using System.Text;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Tests.Support;

namespace CaseFlow.Workflows.Tests.Bpmn.Interchange;

/// <summary>
/// Files as other tools write them: decoded, validated, stored as UTF-8 and read again, keeping every id, name and
/// shape. The Server's ProcessInterchangeApiTests runs the same files through the HTTP API, publishing and exporting.
/// </summary>
public sealed class InterchangeSuiteTests
{
    private readonly EngineHarness _harness = new();

    [Theory]
    [MemberData(nameof(InterchangeFiles.All), MemberType = typeof(InterchangeFiles))]
    public void File_IsValid_AndRunsTheExpectedProcess(string name, string processId)
    {
        var decoded = BpmnBytes.Decode(InterchangeFiles.Bytes(name));

        var result = _harness.Parser.Parse(decoded.Text!);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.ElementId}: {e.Message}")));
        Assert.Equal(processId, result.Graph!.ProcessId);
    }

    [Theory]
    [MemberData(nameof(InterchangeFiles.All), MemberType = typeof(InterchangeFiles))]
    public void File_StoredAsUtf8_ReadsBackIdentically_AndKeepsTheDiagram(string name, string processId)
    {
        var original = InterchangeFiles.Bytes(name);
        var stored = BpmnBytes.Decode(original).Text!;

        var reread = BpmnBytes.Decode(Encoding.UTF8.GetBytes(stored));

        Assert.Equal(stored, reread.Text);
        Assert.False(reread.Reencoded);
        Assert.Equal(InterchangeFiles.Fingerprint(stored), InterchangeFiles.Fingerprint(reread.Text!));
        Assert.Equal(processId, _harness.Parser.Parse(reread.Text!).Graph!.ProcessId);
        if (!name.Contains("bom", StringComparison.Ordinal) && !name.Contains("16", StringComparison.Ordinal) && original[0] == '<'
            && BpmnBytes.Decode(original).SourceEncoding == "utf-8")
        {
            Assert.Equal(original, Encoding.UTF8.GetBytes(stored));
        }
    }

    [Theory]
    [MemberData(nameof(InterchangeFiles.Encoded), MemberType = typeof(InterchangeFiles))]
    public void EncodedFile_DecodesToTheUtf8Document_WithEveryNonAsciiName(string name)
    {
        var expected = File.ReadAllText(InterchangeFiles.PathOf(name.Replace(".bpmn", ".expected.xml", StringComparison.Ordinal)), new UTF8Encoding(false));

        var decoded = BpmnBytes.Decode(InterchangeFiles.Bytes(name));

        Assert.Null(decoded.Error);
        Assert.Equal(expected, decoded.Text);
        Assert.True(decoded.Reencoded);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gb18030_KeepsACharacterGbkCannotWrite()
    {
        var graph = _harness.Graph(BpmnBytes.Decode(InterchangeFiles.Bytes("gb18030.bpmn")).Text!);

        Assert.Equal("受理审查：𠮷野家分店", graph.GetElementName("review"));
    }

    [Fact]
    public void CamundaStyle_RunsTheAbstractTaskAsAPassThrough_AndTheManualTaskAsAUserTask()
    {
        var graph = _harness.Graph(BpmnBytes.Decode(InterchangeFiles.Bytes("camunda-style.bpmn")).Text!);
        var instance = _harness.Start(graph).Instance;
        var review = EngineHarness.Single(instance, "Activity_1s0k3pq");

        var accepted = _harness.Engine.CompleteUserTask(graph, instance, review.Id, new() { ["outcome"] = "accept" }, "intake");
        var mediate = EngineHarness.Single(accepted.Instance, "Activity_mediate");
        var done = _harness.Engine.CompleteUserTask(graph, accepted.Instance, mediate.Id, null, "handler1");

        Assert.Equal(["office-1"], mediate.Task!.CandidateGroups);
        Assert.Equal(CaseFlow.Workflows.Runtime.InstanceStatus.Completed, done.Instance.Status);
        Assert.Contains(done.History, h => h.ElementId == "Activity_note" && h.Event == "ElementCompleted");
    }

    [Fact]
    public void SignavioStyle_IsExecutableFalse_IsAWarningBesideTheOtherFindings()
    {
        var result = _harness.Parser.Parse(BpmnBytes.Decode(InterchangeFiles.Bytes("signavio-style.bpmn")).Text!);

        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Severity == ValidationSeverity.Warning && w.ElementId == "sid-process-bureau" && w.Message.Contains("isExecutable=\"false\"", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Severity == ValidationSeverity.Warning && w.ElementId == "sid-forward" && w.Message.Contains("caseflow:candidateGroups", StringComparison.Ordinal));
    }

    [Fact]
    public void PoolsAndLanes_SkipTheEmptyPool_AndSayWhy()
    {
        var result = _harness.Parser.Parse(BpmnBytes.Decode(InterchangeFiles.Bytes("pools-lanes.bpmn")).Text!);

        var note = Assert.Single(result.Warnings, w => w.ElementId == "Id_process_bureau" && w.Severity == ValidationSeverity.Info);
        Assert.Contains("only one with steps", note.Message, StringComparison.Ordinal);
        Assert.Contains("唯一有步骤", note.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralProcesses_RunTheExecutableOne_AndNameTheOtherWithTheWayToChooseIt()
    {
        var result = _harness.Parser.Parse(BpmnBytes.Decode(InterchangeFiles.Bytes("several-processes.bpmn")).Text!);

        var note = Assert.Single(result.Warnings, w => w.ElementId == "Process_run");
        Assert.Contains("isExecutable=\"true\"", note.Message, StringComparison.Ordinal);
        Assert.Contains("Process_sketch", note.Message, StringComparison.Ordinal);
        Assert.Contains("?process=", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralProcesses_RunTheOneTheOfficerNamed()
    {
        var xml = BpmnProcessChoice.Name(BpmnBytes.Decode(InterchangeFiles.Bytes("several-processes.bpmn")).Text!, "Process_sketch");

        var result = _harness.Parser.Parse(xml);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("Process_sketch", result.Graph!.ProcessId);
        Assert.Contains(result.Warnings, w => w.Message.Contains("named when the draft was saved", StringComparison.Ordinal));
        Assert.Equal("Process_run", _harness.Parser.Parse(BpmnProcessChoice.Name(xml, "Process_run")).Graph!.ProcessId);
    }

    [Fact]
    public void NamedProcess_ThatDoesNotExist_IsAnErrorListingTheProcesses()
    {
        var xml = BpmnProcessChoice.Name(BpmnBytes.Decode(InterchangeFiles.Bytes("several-processes.bpmn")).Text!, "Process_missing");

        var error = Assert.Single(_harness.Parser.Parse(xml).Errors);

        Assert.Contains("Process_missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Process_run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataObjects_AreKeptWithNotes_AndIdsInsideVendorExtensionsDoNotCountAsDuplicates()
    {
        var result = _harness.Parser.Parse(BpmnBytes.Decode(InterchangeFiles.Bytes("data-objects.bpmn")).Text!);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.All(result.Warnings, w => Assert.Equal(ValidationSeverity.Info, w.Severity));
        foreach (var kind in new[] { "data objects", "data object references", "data store references", "data input associations", "data output associations", "ioSpecification", "bpmn:property" })
        {
            Assert.Contains(result.Warnings, w => w.Message.Contains(kind, StringComparison.Ordinal));
        }

        Assert.Contains(result.Warnings, w => w.Message.Contains("http://example.org/vendor/modeler", StringComparison.Ordinal));
    }
}
