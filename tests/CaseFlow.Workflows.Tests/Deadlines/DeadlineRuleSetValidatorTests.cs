using System.Text.Json;
using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Workflows.Tests.Deadlines;

/// <summary>Rule set validation on save: field paths, overlapping effective ranges, unknown enum names.</summary>
public sealed class DeadlineRuleSetValidatorTests
{
    private static readonly IReadOnlyList<DeadlineRuleSet> Bundled = DeadlineRuleSetJson.LoadBundled();

    private static DeadlineRuleSet O121 => Bundled.Single(s => s.Id == "O121");

    [Fact]
    public void Validate_NamesTheRuleAndField_ForABadAmount()
    {
        var rules = O121.Rules.ToList();
        rules[2] = rules[2] with { Amount = 0 };

        var errors = DeadlineRuleSetValidator.Validate(O121 with { Rules = rules }, Bundled);

        Assert.Equal(["rules[2].amount"], errors.Keys);
    }

    [Fact]
    public void Validate_RefusesOverlappingRangesForTheSameCode()
    {
        // O20 moved to end later than O121 begins: both would answer complaint.acceptance for a case of 2026-05-01.
        var o20 = Bundled.Single(s => s.Id == "O20") with { EffectiveTo = new DateOnly(2026, 6, 30) };

        var errors = DeadlineRuleSetValidator.Validate(o20, Bundled);

        Assert.Contains("rules[0].code", errors.Keys);
        Assert.Contains("O121", errors["rules[0].code"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsEveryMissingFieldAndBadDuration()
    {
        var set = new DeadlineRuleSet
        {
            Id = "bad id!",
            Rules =
            [
                new DeadlineRule
                {
                    Code = "Acceptance",
                    Amount = 7,
                    WarningsBefore = ["two days"],
                    Escalations = [new EscalationStep { Offset = "1wd", Action = EscalationAction.Remind, Role = "" }],
                    Extension = new ExtensionPolicy { MaxExtensions = 0, Amount = 5 },
                },
            ],
        };

        var errors = DeadlineRuleSetValidator.Validate(set, Bundled);

        Assert.Superset(
            new HashSet<string>(["id", "name", "legalSource", "effectiveFrom", "rules[0].code", "rules[0].nameZh", "rules[0].legalBasis", "rules[0].startEvent",
                "rules[0].warningsBefore[0]", "rules[0].escalations[0].role", "rules[0].extension.maxExtensions"]),
            errors.Keys.ToHashSet());
    }

    [Fact]
    public void Deserialize_UnknownApprover_FailsWithThePath()
    {
        var json = DeadlineRuleSetJson.Serialize(O121).Replace("\"approver\":\"OfficeHead\"", "\"approver\":\"Boss\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => DeadlineRuleSetJson.Deserialize(json));

        Assert.StartsWith("$.rules[3].extension.approver", ex.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_RoundTrips()
    {
        var again = DeadlineRuleSetJson.Deserialize(DeadlineRuleSetJson.Serialize(O121));

        Assert.Equal(DeadlineRuleSetJson.Serialize(O121), DeadlineRuleSetJson.Serialize(again));
        Assert.Equal(O121.Rules.Count, again.Rules.Count);
    }
}
