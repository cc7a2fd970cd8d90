using System.Text.RegularExpressions;
using CaseFlow.Server.Api.Contracts;

namespace CaseFlow.Server.Cases;

/// <summary>Checks an intake request against Art. 10's required materials; every problem is named by its field.</summary>
public static partial class CaseRequestValidator
{
    /// <summary>complaint, report, or mixed: one submission that is both, registered as two cases with two clocks (O121 Art. 9).</summary>
    public static readonly string[] Kinds = ["complaint", "report", "mixed"];
    public static readonly string[] Channels = ["hotline", "platform", "letter", "visit", "transfer", "assigned"];

    public static Dictionary<string, string[]> Validate(CreateCaseRequest? request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["The body must be a JSON object describing the case. 请求正文必须是描述案件的 JSON 对象。"];
            return errors;
        }

        OneOf(errors, "kind", request.Kind, Kinds);
        OneOf(errors, "channel", request.Channel, Channels);
        if (request.ReceivedAt is { } receivedAt && PlausibleDates.Problem(receivedAt, now) is { } dateProblem)
        {
            errors["receivedAt"] = [dateProblem];
        }

        if (request.Complainant is null)
        {
            errors["complainant"] = ["complainant is required: name, phone and address (Art. 10). 必须填写投诉人信息。"];
        }
        else
        {
            Required(errors, "complainant.name", request.Complainant.Name, 100);
            Required(errors, "complainant.phone", request.Complainant.Phone, 30);
            if (!string.IsNullOrWhiteSpace(request.Complainant.Phone) && !PhonePattern().IsMatch(request.Complainant.Phone.Trim()))
            {
                errors["complainant.phone"] = ["complainant.phone must be a phone number of 7 to 20 digits (dashes and a leading + allowed). 联系电话格式不正确。"];
            }

            if (!string.IsNullOrWhiteSpace(request.Complainant.Email) && !EmailAddresses.IsSingleAddress(request.Complainant.Email))
            {
                errors["complainant.email"] = [EmailAddresses.Problem];
            }

            MaxLength(errors, "complainant.address", request.Complainant.Address, 300);
            if (!string.IsNullOrWhiteSpace(request.Complainant.IdNumber) && !IdNumbers.IsValid(request.Complainant.IdNumber))
            {
                errors["complainant.idNumber"] = ["身份证号码格式不正确：须为 18 位（或旧的 15 位）居民身份证号码，数字须为半角或全角阿拉伯数字。 complainant.idNumber must be an 18-character (or old 15-digit) resident ID number in ASCII or full-width digits."];
            }

            if (IsComplaint(request) && string.IsNullOrWhiteSpace(request.Complainant.Address))
            {
                errors["complainant.address"] = ["complainant.address is required for a complaint (Art. 10: the complainant's name, phone and address). 投诉须提供投诉人地址（第十条）。"];
            }
        }

        if (request.Respondent is null)
        {
            errors["respondent"] = ["respondent is required: at least the business's name. 必须填写被投诉人信息。"];
        }
        else
        {
            Required(errors, "respondent.name", request.Respondent.Name, 200);
            MaxLength(errors, "respondent.address", request.Respondent.Address, 300);
            MaxLength(errors, "respondent.creditCode", request.Respondent.CreditCode, 18);
            MaxLength(errors, "respondent.platformName", request.Respondent.PlatformName, 200);
            MaxLength(errors, "respondent.platformAddress", request.Respondent.PlatformAddress, 300);
            if (IsComplaint(request) && string.IsNullOrWhiteSpace(request.Respondent.Address) && string.IsNullOrWhiteSpace(request.Respondent.PlatformAddress))
            {
                errors["respondent.address"] = ["respondent.address is required for a complaint (Art. 10), or respondent.platformAddress for a seller on an online platform. 投诉须提供被投诉人地址（第十条），平台内经营者可提供平台经营者地址。"];
            }
        }

        Required(errors, "category", request.Category, 100);
        Required(errors, "subject", request.Subject, 200);
        Required(errors, "description", request.Description, 10_000);
        if (request.AmountInvolved is < 0 or > 1_000_000_000_000m)
        {
            errors["amountInvolved"] = ["amountInvolved must be between 0 and 1,000,000,000,000 yuan. 涉案金额超出范围。"];
        }

        return errors;
    }

    private static bool IsComplaint(CreateCaseRequest request) => request.Kind is "complaint" or "mixed";

    private static void OneOf(Dictionary<string, string[]> errors, string field, string? value, string[] allowed)
    {
        if (value is null || !allowed.Contains(value))
        {
            errors[field] = [$"{field} must be one of: {string.Join(", ", allowed)}."];
        }
    }

    private static void Required(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} is required. 此项为必填项。"];
            return;
        }

        MaxLength(errors, field, value, maxLength);
    }

    private static void MaxLength(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors[field] = [$"{field} is longer than {maxLength} characters. 超过 {maxLength} 个字符。"];
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{5,22}[0-9]$")]
    private static partial Regex PhonePattern();
}
