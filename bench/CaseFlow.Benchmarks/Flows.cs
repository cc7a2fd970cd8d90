using System.Globalization;
using System.Text;

namespace CaseFlow.Benchmarks;

/// <summary>Generated BPMN for the benchmark workloads.</summary>
public static class Flows
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:caseflow="urn:caseflow:bpmn:1" id="d" targetNamespace="urn:bench">
        """;

    /// <summary>start → <paramref name="steps"/> service tasks (timeline entries) → end: one command runs every step.</summary>
    public static string ServiceChain(int steps) => Chain("service-chain", steps, i =>
        $"""<bpmn:serviceTask id="s{i}" caseflow:activity="AddTimelineEntry"><bpmn:extensionElements><caseflow:input name="event" value="step {i}" /></bpmn:extensionElements></bpmn:serviceTask>""");

    /// <summary>start → <paramref name="steps"/> user tasks → end: each completion is one command and one step.</summary>
    public static string UserTaskChain(int steps) => Chain("task-chain", steps, i =>
        $"""<bpmn:userTask id="s{i}" caseflow:candidateGroups="office-1" caseflow:dueIn="7wd" />""");

    /// <summary>start → <paramref name="steps"/> exclusive gateways, each deciding with a JavaScript condition → end.</summary>
    public static string GatewayChain(int steps)
    {
        var body = new StringBuilder();
        body.AppendLine("""<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="s0" />""");
        for (var i = 0; i < steps; i++)
        {
            var next = i + 1 < steps ? $"s{i + 1}" : "end";
            body.AppendLine(CultureInfo.InvariantCulture, $"""
                <bpmn:exclusiveGateway id="s{i}" default="d{i}" />
                <bpmn:sequenceFlow id="c{i}" sourceRef="s{i}" targetRef="{next}"><bpmn:conditionExpression>amount &gt; {i}</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="d{i}" sourceRef="s{i}" targetRef="{next}" />
                """);
        }

        body.AppendLine("""<bpmn:endEvent id="end" />""");
        return Header + $"""<bpmn:process id="gateway-chain" isExecutable="true">{body}</bpmn:process></bpmn:definitions>""";
    }

    /// <summary>start → parallel fork into <paramref name="branches"/> service tasks → parallel join → end.</summary>
    public static string ParallelFan(int branches)
    {
        var body = new StringBuilder();
        body.AppendLine("""
            <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" /><bpmn:parallelGateway id="join" />
            <bpmn:sequenceFlow id="fend" sourceRef="join" targetRef="end" /><bpmn:endEvent id="end" />
            """);
        for (var i = 0; i < branches; i++)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"""
                <bpmn:sequenceFlow id="a{i}" sourceRef="fork" targetRef="b{i}" />
                <bpmn:serviceTask id="b{i}" caseflow:activity="AddTimelineEntry"><bpmn:extensionElements><caseflow:input name="event" value="branch {i}" /></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:sequenceFlow id="z{i}" sourceRef="b{i}" targetRef="join" />
                """);
        }

        return Header + $"""<bpmn:process id="parallel-fan" isExecutable="true">{body}</bpmn:process></bpmn:definitions>""";
    }

    private static string Chain(string key, int steps, Func<int, string> step)
    {
        var body = new StringBuilder();
        body.AppendLine("""<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="s0" />""");
        for (var i = 0; i < steps; i++)
        {
            body.AppendLine(step(i));
            body.AppendLine(CultureInfo.InvariantCulture, $"""<bpmn:sequenceFlow id="f{i + 1}" sourceRef="s{i}" targetRef="{(i + 1 < steps ? $"s{i + 1}" : "end")}" />""");
        }

        body.AppendLine("""<bpmn:endEvent id="end" />""");
        return Header + $"""<bpmn:process id="{key}" isExecutable="true">{body}</bpmn:process></bpmn:definitions>""";
    }
}
