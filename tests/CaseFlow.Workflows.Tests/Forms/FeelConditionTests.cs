using System.Text.Json.Nodes;
using CaseFlow.Forms;

namespace CaseFlow.Workflows.Tests.Forms;

public class FeelConditionTests
{
    [Theory]
    [InlineData("=outcome != \"refuse\"", """{"outcome": "accept"}""", true)]
    [InlineData("=outcome != \"refuse\"", """{"outcome": "refuse"}""", false)]
    [InlineData("=amount > 100 and confirmed", """{"amount": 150, "confirmed": true}""", true)]
    [InlineData("=amount > 100 and confirmed = true", """{"amount": 50, "confirmed": true}""", false)]
    [InlineData("=not(outcome in (\"a\", \"b\"))", """{"outcome": "c"}""", true)]
    [InlineData("=outcome in [\"a\", \"b\"] or x = null", """{"outcome": "c"}""", true)]
    [InlineData("=party.type = \"person\"", """{"party": {"type": "person"}}""", true)]
    [InlineData("=missing > 3", """{}""", false)]
    public void IsTrue_EvaluatesTheSubset(string expression, string data, bool expected)
    {
        Assert.True(FeelCondition.TryParse(expression, out var condition, out var error), error);

        Assert.Equal(expected, condition!.IsTrue(JsonNode.Parse(data)!.AsObject()));
    }

    [Theory]
    [InlineData("=count(items) > 1")]
    [InlineData("=a = ")]
    [InlineData("=a ~ b")]
    [InlineData("")]
    public void TryParse_RefusesWhatIsOutsideTheSubset(string expression)
    {
        Assert.False(FeelCondition.TryParse(expression, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Names_AreTheFirstSegmentsRead()
    {
        Assert.True(FeelCondition.TryParse("=outcome = \"x\" and party.type = \"p\"", out var condition, out _));

        Assert.Equal(["outcome", "party"], condition!.Names.Order(StringComparer.Ordinal));
    }
}
