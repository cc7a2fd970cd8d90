using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseFlow.Forms;

/// <summary>
/// Checks a completion's variables against the task's form: every key declared, none owned by the system, types
/// (a number stays a number), required (per outcome), options, ranges, lengths and patterns, directory entries and
/// the case's documents. Fields hidden by their condition are not required and their values are not taken.
/// </summary>
public static partial class FormValidator
{
    private const int MaxText = 20_000;

    /// <summary>The errors keyed <c>variables.&lt;key&gt;</c>, and the values to write (declared, shown, checked).</summary>
    public static (Dictionary<string, FormError> Errors, JsonObject Values) Check(FormSchema form, string? outcome, JsonObject variables, FormCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, FormError>(StringComparer.Ordinal);
        foreach (var (key, _) in variables)
        {
            if (SystemVariables.Contains(key))
            {
                errors[$"variables.{key}"] = SystemOwned(key);
            }
            else if (form.Field(key) is null)
            {
                errors[$"variables.{key}"] = new(
                    $"“{key}”不是本步骤表单中的字段，不能提交。本表单的字段：{string.Join("、", form.Fields.Select(f => f.Key))}。",
                    $"'{key}' is not a field of this step's form and cannot be set. The form's fields: {string.Join(", ", form.Fields.Select(f => f.Key))}.");
            }
        }

        var data = variables.DeepClone().AsObject();
        data["outcome"] = outcome;
        var values = new JsonObject();
        var outcomeText = outcome is null ? "" : form.OutcomeLabel(outcome);
        foreach (var field in form.Fields)
        {
            if (field.Hide?.IsTrue(data) == true)
            {
                continue;
            }

            var value = variables[field.Key];
            var name = $"variables.{field.Key}";
            if (IsEmpty(value))
            {
                if (field.IsRequiredFor(outcome))
                {
                    errors[name] = field.RequiredFor is null || outcome is null
                        ? new($"请填写“{field.LabelIn("zh")}”。", $"{field.LabelIn("en")} ({field.Key}) is required.")
                        : new($"办理结果为“{outcomeText}”时，必须填写“{field.LabelIn("zh")}”。", $"{field.LabelIn("en")} ({field.Key}) is required when the outcome is '{outcome}'.");
                }
                else if (variables.ContainsKey(field.Key))
                {
                    values[field.Key] = value?.DeepClone();
                }

                continue;
            }

            if (CheckValue(field, value!, context) is { } error)
            {
                errors[name] = error;
                continue;
            }

            values[field.Key] = value!.DeepClone();
        }

        return (errors, values);
    }

    /// <summary>The error for a variable the system owns (also used for tasks without a form).</summary>
    public static FormError SystemOwned(string key) => new(
        $"“{key}”由系统登记或流程写入（如案件编号、当事人身份和联系方式），办理任务时不能修改。",
        $"'{key}' is owned by the system (written at intake or by the process, e.g. the case number or a party's identity and contact details) and cannot be set by completing a task.");

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()),
        _ => false,
    };

    private static FormError? CheckValue(FormField field, JsonNode value, FormCheckContext context)
    {
        var zh = field.LabelIn("zh");
        var en = $"{field.LabelIn("en")} ({field.Key})";
        switch (field.Type)
        {
            case "number":
                return value is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.TryGetValue<decimal>(out var number)
                    ? CheckNumber(field, number, zh, en)
                    : new($"“{zh}”必须是数字。", $"{en} must be a number.");
            case "checkbox":
                return value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? null
                    : new($"“{zh}”必须是 true 或 false。", $"{en} must be true or false.");
            case "checklist" or "taglist":
                if (value is not JsonArray items || items.Any(i => i is not JsonValue s || s.GetValueKind() != JsonValueKind.String))
                {
                    return new($"“{zh}”必须是选项值的列表。", $"{en} must be a list of option values.");
                }

                if (field.Directory is { } listed)
                {
                    return items.Select(i => CheckDirectory(listed, i!.GetValue<string>(), context, zh, en)).FirstOrDefault(e => e is not null);
                }

                var unknown = items.Select(i => i!.GetValue<string>()).FirstOrDefault(i => field.Options.All(o => o.Value != i));
                return unknown is null ? null : NotAnOption(field, unknown, zh, en);
        }

        if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
        {
            return new($"“{zh}”必须是文本。", $"{en} must be text.");
        }

        var s = text.GetValue<string>();
        return field.Type switch
        {
            "select" or "radio" when field.Directory is { } directory => CheckDirectory(directory, s, context, zh, en),
            "select" or "radio" => field.Options.Any(o => o.Value == s) ? null : NotAnOption(field, s, zh, en),
            "datetime" => CheckDate(field, s, zh, en),
            _ => CheckText(field, s, context, zh, en),
        };
    }

    private static FormError? CheckNumber(FormField field, decimal number, string zh, string en)
    {
        var digits = field.Money ? 2 : field.DecimalDigits;
        var min = field.Money ? Math.Max(field.Min ?? 0, 0) : field.Min;
        if (min is { } low && number < low)
        {
            return field.Money
                ? new($"“{zh}”是金额（元），不能为负数。", $"{en} is an amount in yuan and cannot be negative.")
                : new($"“{zh}”不能小于 {low.ToString(CultureInfo.InvariantCulture)}。", $"{en} must be at least {low.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (field.Max is { } high && number > high)
        {
            return new($"“{zh}”不能大于 {high.ToString(CultureInfo.InvariantCulture)}。", $"{en} must be at most {high.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (digits is { } d && decimal.Round(number, d) != number)
        {
            return field.Money
                ? new($"“{zh}”是金额（元），最多保留两位小数。", $"{en} is an amount in yuan with at most two decimals.")
                : new($"“{zh}”最多保留 {d} 位小数。", $"{en} has at most {d} decimals.");
        }

        return null;
    }

    private static FormError? CheckText(FormField field, string s, FormCheckContext context, string zh, string en)
    {
        if (s.Length > (field.MaxLength ?? MaxText))
        {
            return new($"“{zh}”最多 {field.MaxLength ?? MaxText} 个字。", $"{en} has at most {field.MaxLength ?? MaxText} characters.");
        }

        if (field.MinLength is { } least && s.Trim().Length < least)
        {
            return new($"“{zh}”至少 {least} 个字。", $"{en} needs at least {least} characters.");
        }

        if (field.Document && context.Documents is { } documents && !documents.Contains(s))
        {
            return new($"“{zh}”必须是本案已有的文书（请从本案文书中选择或上传）。", $"{en} must be one of this case's documents (choose one or upload it).");
        }

        if (field.ValidationType == "email" && !Email().IsMatch(s))
        {
            return new($"“{zh}”不是有效的电子邮箱地址。", $"{en} is not an email address.");
        }

        if (field.ValidationType == "phone" && !Phone().IsMatch(s))
        {
            return new($"“{zh}”不是有效的电话号码。", $"{en} is not a phone number.");
        }

        try
        {
            if (field.Pattern is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            {
                return new($"“{zh}”的格式不正确。", $"{en} does not have the required format ({pattern}).");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return new($"“{zh}”的格式无法校验。", $"{en} could not be checked against its format.");
        }

        return null;
    }

    private static FormError? CheckDate(FormField field, string s, string zh, string en)
    {
        var ok = field.Subtype switch
        {
            "time" => TimeOnly.TryParseExact(s, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "datetime" => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out _) && s.Contains('T', StringComparison.Ordinal),
            _ => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        };
        var shape = field.Subtype switch { "time" => "HH:mm", "datetime" => "yyyy-MM-ddTHH:mm", _ => "yyyy-MM-dd" };
        return ok ? null : new($"“{zh}”必须是 {shape} 格式的日期时间。", $"{en} must be a date/time written {shape}.");
    }

    private static FormError? CheckDirectory(string directory, string s, FormCheckContext context, string zh, string en)
    {
        var known = directory == "office" ? context.Offices : context.Users;
        return known is null || known.Contains(s)
            ? null
            : directory == "office"
                ? new($"“{zh}”必须是机构目录中的监管所（“{s}”不存在）。", $"{en} must be an office of the directory; '{s}' is not one.")
                : new($"“{zh}”必须是目录中的在岗用户（“{s}”不存在或已停用）。", $"{en} must be an active user of the directory; '{s}' is not one.");
    }

    private static FormError NotAnOption(FormField field, string value, string zh, string en) => new(
        $"“{zh}”的取值必须是以下之一：{string.Join("、", field.Options.Select(o => $"{o.Label}（{o.Value}）"))}；“{value}”不是。",
        $"{en} must be one of: {string.Join(", ", field.Options.Select(o => o.Value))}; '{value}' is not.");

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,19}$")]
    private static partial Regex Phone();
}
