using System.Net.Mail;
using System.Text.RegularExpressions;
using CaseFlow.Server.Api.Contracts;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Checks an intake request for what identifies the matter and for malformed values; every problem is named by its field.
/// </summary>
/// <remarks>
/// Registration is not acceptance (rules.md §1.1b): O121 makes missing Art. 10 materials a ground for a 不予受理 decision
/// by a person within 7 working days (Art. 15, 16(5)), not a reason to leave no record. So only the kind, the channel,
/// the facts and, for a complaint, something that identifies the respondent are required; the rest is checked for form
/// when given, and <see cref="MissingMaterials"/> turns what is missing into warnings on the case.
/// </remarks>
public static partial class CaseRequestValidator
{
    /// <summary>complaint, report, or mixed: one submission that is both, registered as two cases with two clocks (O121 Art. 9).</summary>
    public static readonly string[] Kinds = ["complaint", "report", "mixed"];

    /// <summary>The statutory channels (O121 Art. 8) and the other sources of clues of PPR Art. 18.</summary>
    public static readonly string[] Channels = [.. IntakeChannels.All];

    /// <summary>No market-supervision authority received anything before the People's Republic.</summary>
    private static readonly DateTimeOffset EarliestReceipt = new(1949, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string[]> Validate(CreateCaseRequest? request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["请求正文必须是描述案件的 JSON 对象。The body must be a JSON object describing the case."];
            return errors;
        }

        OneOf(errors, "kind", request.Kind, Kinds, "案件类别");
        OneOf(errors, "channel", request.Channel, Channels, "来源渠道");
        if (request.Kind is "complaint" or "mixed" && IntakeChannels.IsClueOnly(request.Channel))
        {
            errors["channel"] = [$"监督检查、抽检发现的线索没有投诉人，请按举报（线索）登记（kind 选 report）。Channel {request.Channel} carries a clue, not a consumer's complaint: register it with kind report."];
        }

        if (request.ReceivedAt is { } receivedAt && receivedAt > now.AddMinutes(5))
        {
            errors["receivedAt"] = ["收到时间不能晚于当前时间，请填写本机关收到的日期。receivedAt is in the future; give the date the authority received it."];
        }
        else if (request.ReceivedAt is { } early && early < EarliestReceipt)
        {
            errors["receivedAt"] = ["收到时间早于 1949-10-01，请检查日期。receivedAt is before 1949-10-01; check the date."];
        }

        if (request.ConductDate is { } conduct && (conduct > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1) || conduct < DateOnly.FromDateTime(EarliestReceipt.UtcDateTime)))
        {
            errors["conductDate"] = ["违法行为发生日（或知道权益受侵害之日）应在 1949-10-01 之后且不晚于今天。conductDate must be after 1949-10-01 and not in the future."];
        }

        CheckComplainant(errors, request.Complainant);
        CheckRespondent(errors, request);
        CheckSource(errors, request.Source);

        MaxLength(errors, "category", request.Category, 100);
        MaxLength(errors, "subject", request.Subject, 200);
        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors["description"] = ["请填写具体请求和事实（第十条），这是登记的最低要求。description is required: the request and the facts identify the matter (Art. 10)."];
        }
        else
        {
            MaxLength(errors, "description", request.Description, 10_000);
        }

        if (request.AmountInvolved is < 0 or > 1_000_000_000_000m)
        {
            errors["amountInvolved"] = ["涉案金额应在 0 至 1,000,000,000,000 元之间。amountInvolved must be between 0 and 1,000,000,000,000 yuan."];
        }

        return errors;
    }

    internal static void CheckComplainant(Dictionary<string, string[]> errors, PartyRequest? complainant)
    {
        if (complainant is null)
        {
            return; // anonymous report, or a complaint whose complainant gave nothing: a warning, decided at acceptance
        }

        MaxLength(errors, "complainant.name", complainant.Name, 100);
        if (!string.IsNullOrWhiteSpace(complainant.Phone) && !PhonePattern().IsMatch(complainant.Phone.Trim()))
        {
            errors["complainant.phone"] = ["联系电话格式不正确（7 至 20 位数字，可含连字符和开头的 +）。complainant.phone must be a phone number of 7 to 20 digits (dashes and a leading + allowed)."];
        }

        if (!string.IsNullOrWhiteSpace(complainant.Email) && !IsSingleAddress(complainant.Email.Trim()))
        {
            errors["complainant.email"] = ["电子邮箱格式不正确，只能填写一个地址。complainant.email must be one email address."];
        }

        MaxLength(errors, "complainant.address", complainant.Address, 300);
        if (!string.IsNullOrWhiteSpace(complainant.IdNumber) && !IdNumberPattern().IsMatch(complainant.IdNumber.Trim()))
        {
            errors["complainant.idNumber"] = ["身份证号码格式不正确（18 位，或旧 15 位数字）。complainant.idNumber must be an 18-character (or old 15-digit) resident ID number."];
        }
    }

    internal static void CheckRespondentFields(Dictionary<string, string[]> errors, RespondentRequest? respondent)
    {
        if (respondent is not null)
        {
            MaxLength(errors, "respondent.name", respondent.Name, 200);
            MaxLength(errors, "respondent.address", respondent.Address, 300);
            MaxLength(errors, "respondent.creditCode", respondent.CreditCode, 18);
            MaxLength(errors, "respondent.platformName", respondent.PlatformName, 200);
            MaxLength(errors, "respondent.platformAddress", respondent.PlatformAddress, 300);
        }
    }

    private static void CheckRespondent(Dictionary<string, string[]> errors, CreateCaseRequest request)
    {
        var respondent = request.Respondent;
        CheckRespondentFields(errors, respondent);

        var identified = respondent is not null && new[] { respondent.Name, respondent.Address, respondent.CreditCode, respondent.PlatformName }
            .Any(v => !string.IsNullOrWhiteSpace(v));
        if (request.Kind is "complaint" or "mixed" && !identified)
        {
            errors["respondent"] = ["投诉须能识别被投诉人：请至少填写其名称、地址、统一社会信用代码或所在平台之一。A complaint must identify the respondent: give at least its name, address, credit code or platform."];
        }
    }

    internal static void CheckSource(Dictionary<string, string[]> errors, CaseSourceRequest? source)
    {
        if (source is null)
        {
            return;
        }

        MaxLength(errors, "source.organisation", source.Organisation, 200);
        MaxLength(errors, "source.reference", source.Reference, 100);
    }

    /// <summary>One address, no display name and no list: a letter goes to exactly the address recorded.</summary>
    private static bool IsSingleAddress(string value) =>
        value.Length <= 254 && !value.Contains(',') && !value.Contains(';') && !value.Contains('<')
        && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && string.IsNullOrEmpty(parsed.DisplayName);

    private static void OneOf(Dictionary<string, string[]> errors, string field, string? value, string[] allowed, string labelZh)
    {
        if (value is null || !allowed.Contains(value))
        {
            errors[field] = [$"{labelZh}必须是以下之一：{string.Join("、", allowed)}。{field} must be one of: {string.Join(", ", allowed)}."];
        }
    }

    private static void MaxLength(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors[field] = [$"超过 {maxLength} 个字符。{field} is longer than {maxLength} characters."];
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{5,22}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^([0-9]{17}[0-9Xx]|[0-9]{15})$")]
    private static partial Regex IdNumberPattern();
}
