using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The statutory limits of the simple procedure (简易程序, APL Art. 51; PPR Art. 66): the facts are clear and the
/// penalty is a warning or a fine of at most 200 yuan for a natural person or 3,000 yuan for an organisation.
/// Checked on every task completion whose outcome is <c>simple</c>, whatever the process, so an edited process cannot
/// route a larger fine through the on-the-spot decision.
/// </summary>
public static class SimpleProcedureLimits
{
    /// <summary>The outcome that chooses the simple procedure.</summary>
    public const string Outcome = "simple";

    public const decimal PersonLimit = 200m;

    public const decimal OrganisationLimit = 3000m;

    /// <summary>Field errors when a completion with outcome <c>simple</c> is outside the limits; empty otherwise.</summary>
    public static Dictionary<string, string[]> Check(string? outcome, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var errors = new Dictionary<string, string[]>();
        if (outcome != Outcome)
        {
            return errors;
        }

        if (variables["factsClear"] is not JsonValue facts || facts.GetValueKind() != JsonValueKind.True)
        {
            errors["variables.factsClear"] = ["factsClear must be true: the simple procedure needs conclusive facts with a legal basis (APL Art. 51). 适用简易程序须违法事实确凿并有法定依据。"];
        }

        var partyType = Text(variables["partyType"]);
        if (partyType is not ("person" or "organisation"))
        {
            errors["variables.partyType"] = ["partyType must be person or organisation. 当事人类型须为 person（自然人）或 organisation（法人或其他组织）。"];
        }

        var penaltyType = Text(variables["penaltyType"]);
        if (penaltyType is not ("warning" or "fine"))
        {
            errors["variables.penaltyType"] = ["penaltyType must be warning or fine: the simple procedure allows no other penalty (APL Art. 51). 简易程序只能给予警告或者罚款。"];
        }
        else if (penaltyType == "fine" && partyType is ("person" or "organisation"))
        {
            var limit = partyType == "person" ? PersonLimit : OrganisationLimit;
            var fine = Amount(variables["proposedFine"]);
            if (fine is not { } amount || amount <= 0)
            {
                errors["variables.proposedFine"] = ["proposedFine is required for a fine: a positive amount in yuan. 罚款须填写拟罚款金额（元）。"];
            }
            else if (amount > limit)
            {
                var party = partyType == "person" ? "a natural person" : "an organisation";
                var partyZh = partyType == "person" ? "公民" : "法人或者其他组织";
                errors["variables.proposedFine"] =
                [
                    string.Create(CultureInfo.InvariantCulture, $"proposedFine {amount} exceeds the simple-procedure limit of {limit} yuan for {party} (APL Art. 51); use the general procedure. ")
                    + string.Create(CultureInfo.InvariantCulture, $"拟罚款 {amount} 元超过简易程序对{partyZh}的 {limit} 元上限（《行政处罚法》第五十一条），应当适用普通程序。"),
                ];
            }
        }

        return errors;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;

    private static decimal? Amount(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>(),
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
