using CaseFlow.Workflows.Processes;

namespace CaseFlow.Workflows.Tests.Processes;

public class BuiltInProcessesTests
{
    private static string Calling(string key, string called) =>
        $"""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="{key}"><callActivity id="c" calledElement="{called}" /></process></definitions>""";

    [Fact]
    public void InCallOrder_PutsACalledProcessBeforeItsCaller_AndKeepsTheRestInOrder()
    {
        var ordered = BuiltInProcesses.InCallOrder(
        [
            ("complaint", "<definitions />"),
            ("enforcement", Calling("enforcement", "police-transfer")),
            ("police-transfer", "<definitions />"),
            ("self", Calling("self", "self")),
        ]);

        Assert.Equal(["complaint", "police-transfer", "enforcement", "self"], ordered.Select(p => p.Key));
    }

    [Fact]
    public void All_ShipsPoliceTransfer()
    {
        Assert.Contains(BuiltInProcesses.All(), p => p.Key == "police-transfer");
    }
}
