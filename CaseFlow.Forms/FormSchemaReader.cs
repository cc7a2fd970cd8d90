using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseFlow.Forms;

/// <summary>
/// Reads a form-js JSON schema into a <see cref="FormSchema"/>, collecting every problem a legal officer must fix
/// (unknown component type, duplicate key, a required field hidden by its own condition, options that are not a
/// list, misspelt CaseFlow extensions, ...). The schema is checked against the task's outcomes.
/// </summary>
public static partial class FormSchemaReader
{
    /// <summary>Components that carry a value (and so a <c>key</c>).</summary>
    public static readonly IReadOnlySet<string> InputTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "textfield", "textarea", "number", "datetime", "select", "radio", "checklist", "checkbox", "taglist",
    };

    /// <summary>Components that only show something (no value).</summary>
    public static readonly IReadOnlySet<string> DisplayTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "html", "spacer", "separator", "group", "button", "image",
    };

    private static readonly HashSet<string> OptionTypes = new(StringComparer.Ordinal) { "select", "radio", "checklist", "taglist" };

    /// <summary>Reads <paramref name="json"/>; null when it cannot be used at all. Problems are appended to <paramref name="problems"/>.</summary>
    public static FormSchema? Read(string json, IReadOnlyList<string> outcomes, List<FormProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(problems);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("The form is not a JSON object.");
        }
        catch (JsonException e)
        {
            problems.Add(new(null, $"The form is not valid JSON: {e.Message}", $"表单不是有效的 JSON：{e.Message}"));
            return null;
        }

        if (root["components"] is not JsonArray components)
        {
            problems.Add(new(null, "The form has no 'components' list; export it from the form editor (form-js) as it is.", "表单缺少“components”列表；请从表单编辑器（form-js）原样导出。"));
            return null;
        }

        var state = new ReadState(outcomes, problems);
        ReadComponents(components, state);
        CheckConditions(state);
        return new FormSchema(root.ToJsonString(), state.Fields, state.Outcome);
    }

    private sealed class ReadState(IReadOnlyList<string> outcomes, List<FormProblem> problems)
    {
        public IReadOnlyList<string> Outcomes { get; } = outcomes;

        public List<FormProblem> Problems { get; } = problems;

        public List<FormField> Fields { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public FormField? Outcome { get; set; }

        public void Add(string? component, string message, string messageZh) => Problems.Add(new(component, message, messageZh));
    }

    private static void ReadComponents(JsonArray components, ReadState state)
    {
        foreach (var node in components)
        {
            if (node is not JsonObject component)
            {
                state.Add(null, "Every entry of 'components' must be an object.", "“components”中的每一项都必须是对象。");
                continue;
            }

            var type = Str(component, "type");
            var id = Str(component, "id") ?? Str(component, "key");
            var name = Str(component, "key") ?? id ?? type ?? "?";
            if (type is null || !(InputTypes.Contains(type) || DisplayTypes.Contains(type)))
            {
                state.Add(id, $"The form component '{name}' has the type '{type}', which CaseFlow does not know. Use one of: {string.Join(", ", InputTypes.Concat(DisplayTypes))}.",
                    $"表单组件“{name}”的类型“{type}”CaseFlow 不认识。请使用：{string.Join("、", InputTypes.Concat(DisplayTypes))}。");
                continue;
            }

            CheckProperties(component, name, id, type, state);
            if (type == "group" && component["components"] is JsonArray children)
            {
                ReadComponents(children, state);
                continue;
            }

            if (!InputTypes.Contains(type))
            {
                continue;
            }

            if (ReadField(component, type, id, state) is { } field)
            {
                if (field.Key == "outcome")
                {
                    CheckOutcomeField(field, state);
                    state.Outcome = field;
                }
                else
                {
                    state.Fields.Add(field);
                }
            }
        }
    }

    private static FormField? ReadField(JsonObject component, string type, string? id, ReadState state)
    {
        var key = Str(component, "key");
        if (key is null || !KeyPattern().IsMatch(key))
        {
            state.Add(id, $"The {type} field '{id ?? key}' needs a key: the process variable it writes, letters, digits and _ (e.g. refusalReason).",
                $"{type} 字段“{id ?? key}”需要一个键（key），即它写入的流程变量名，只能用字母、数字和 _（如 refusalReason）。");
            return null;
        }

        if (!state.Keys.Add(key))
        {
            state.Add(id ?? key, $"The key '{key}' is used by two fields of the form; each field writes its own variable.", $"表单中有两个字段使用同一个键“{key}”；每个字段必须写入不同的变量。");
            return null;
        }

        if (key != "outcome" && SystemVariables.Contains(key))
        {
            state.Add(id ?? key, $"The field '{key}' would set a variable the system owns (what the intake or the engine wrote); a task can never change it. Choose another key.",
                $"字段“{key}”会写入系统变量（由登记或引擎写入），办理任务时不得修改。请换一个键。");
        }

        var validate = component["validate"] as JsonObject;
        var properties = component["properties"] as JsonObject;
        var label = Str(component, "label");
        var field = new FormField
        {
            Key = key,
            Type = type,
            ComponentId = id ?? key,
            Label = label,
            Description = Str(component, "description"),
            LabelEn = Str(properties, FormExtensions.LabelEn),
            DescriptionEn = Str(properties, FormExtensions.DescriptionEn),
            Required = validate?["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required,
            RequiredFor = Str(properties, FormExtensions.RequiredFor)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Options = ReadOptions(component, type, key, state),
            Min = Number(validate, "min", key, state),
            Max = Number(validate, "max", key, state),
            MinLength = (int?)Number(validate, "minLength", key, state),
            MaxLength = (int?)Number(validate, "maxLength", key, state),
            Pattern = Str(validate, "pattern"),
            ValidationType = Str(validate, "validationType"),
            DecimalDigits = (int?)Number(component, "decimalDigits", key, state),
            Subtype = Str(component, "subtype"),
            Hide = ReadHide(component, key, state),
            DefaultValue = component["defaultValue"]?.DeepClone(),
            Money = Str(properties, FormExtensions.Money) is not null,
            Directory = Str(properties, FormExtensions.Directory),
            Document = Str(properties, FormExtensions.Document) is not null,
            LegalBasis = Str(properties, FormExtensions.LegalBasis),
        };
        CheckField(field, state);
        return field;
    }

    private static void CheckField(FormField field, ReadState state)
    {
        var key = field.Key;
        if (string.IsNullOrWhiteSpace(field.Label))
        {
            state.Add(field.ComponentId, $"The field '{key}' has no label; handlers need to know what to enter.", $"字段“{key}”没有标签（label）；办理人需要知道填写什么。");
        }

        foreach (var outcome in field.RequiredFor ?? [])
        {
            if (!state.Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                state.Add(field.ComponentId, $"{FormExtensions.RequiredFor} of '{key}' names the outcome '{outcome}', which is not one of the task's outcomes ({string.Join(", ", state.Outcomes)}).",
                    $"字段“{key}”的 {FormExtensions.RequiredFor} 提到结果“{outcome}”，但它不是该任务的结果之一（{string.Join("、", state.Outcomes)}）。");
            }
        }

        if (field.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                state.Add(field.ComponentId, $"The pattern of '{key}' is not a valid regular expression: {e.Message}", $"字段“{key}”的格式（pattern）不是有效的正则表达式。");
            }
        }

        if (field.ValidationType is { } vt && vt is not ("email" or "phone"))
        {
            state.Add(field.ComponentId, $"validate.validationType of '{key}' is '{vt}'; use email or phone.", $"字段“{key}”的 validate.validationType 为“{vt}”；请使用 email 或 phone。");
        }

        if (field.Min is { } min && field.Max is { } max && min > max)
        {
            state.Add(field.ComponentId, $"The minimum of '{key}' is above its maximum.", $"字段“{key}”的最小值大于最大值。");
        }

        if (field.Money && field.Type != "number")
        {
            state.Add(field.ComponentId, $"{FormExtensions.Money} is for number fields; '{key}' is a {field.Type}.", $"{FormExtensions.Money} 只能用于数字字段；“{key}”是 {field.Type}。");
        }

        if (field.Directory is { } directory && (field.Type is not ("select" or "taglist") || directory is not ("office" or "user")))
        {
            state.Add(field.ComponentId, $"{FormExtensions.Directory} must be office or user, on a select or taglist field ('{key}').", $"{FormExtensions.Directory} 只能是 office 或 user，且只能用于下拉选择或标签列表字段（“{key}”）。");
        }

        if (field.Document && field.Type is not "textfield")
        {
            state.Add(field.ComponentId, $"{FormExtensions.Document} is for textfield fields (the value is a document id); '{key}' is a {field.Type}.", $"{FormExtensions.Document} 只能用于文本字段（值为文书编号）；“{key}”是 {field.Type}。");
        }

        if (field.Type == "datetime" && field.Subtype is not (null or "date" or "time" or "datetime"))
        {
            state.Add(field.ComponentId, $"The datetime field '{key}' has the subtype '{field.Subtype}'; use date, time or datetime.", $"日期字段“{key}”的 subtype 为“{field.Subtype}”；请使用 date、time 或 datetime。");
        }

        if (OptionTypes.Contains(field.Type) && field.Options.Count == 0 && field.Directory is null)
        {
            state.Add(field.ComponentId, $"The {field.Type} field '{key}' has no options; list them in 'values' (label and value), or use {FormExtensions.Directory}.",
                $"{field.Type} 字段“{key}”没有选项；请在“values”中列出（标签和值），或使用 {FormExtensions.Directory}。");
        }
    }

    private static void CheckOutcomeField(FormField field, ReadState state)
    {
        var values = field.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        if (field.Type is not ("radio" or "select") || !values.SetEquals(state.Outcomes) || field.Hide is not null)
        {
            state.Add(field.ComponentId, $"The field 'outcome' is the task's outcome choice: a radio or select, always shown, whose values are exactly the task's outcomes ({string.Join(", ", state.Outcomes)}).",
                $"键为“outcome”的字段是任务的办理结果选择：必须是单选或下拉、始终显示，选项值与任务的结果完全一致（{string.Join("、", state.Outcomes)}）。");
        }
    }

    private static List<FormOption> ReadOptions(JsonObject component, string type, string key, ReadState state)
    {
        if (component["valuesKey"] is not null || component["valuesExpression"] is not null)
        {
            state.Add(Str(component, "id") ?? key, $"The options of '{key}' come from input data (valuesKey / valuesExpression), which a task form cannot supply; list them in 'values' or use {FormExtensions.Directory}.",
                $"字段“{key}”的选项来自输入数据（valuesKey / valuesExpression），任务表单无法提供；请在“values”中列出，或使用 {FormExtensions.Directory}。");
        }

        if (!OptionTypes.Contains(type) || component["values"] is not JsonArray values)
        {
            return [];
        }

        var options = new List<FormOption>();
        foreach (var entry in values)
        {
            var value = entry is JsonObject o ? Str(o, "value") : null;
            if (value is null || options.Any(x => x.Value == value))
            {
                state.Add(Str(component, "id") ?? key, value is null
                    ? $"An option of '{key}' has no text value; every option needs a label and a value."
                    : $"The option value '{value}' appears twice in '{key}'.",
                    value is null ? $"字段“{key}”有一个选项没有文本值；每个选项都需要标签和值。" : $"字段“{key}”中选项值“{value}”重复。");
                continue;
            }

            options.Add(new FormOption(value, Str((JsonObject)entry!, "label") ?? value));
        }

        return options;
    }

    private static FeelCondition? ReadHide(JsonObject component, string key, ReadState state)
    {
        if ((component["conditional"] as JsonObject)?["hide"] is not JsonValue hide || !hide.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (FeelCondition.TryParse(text, out var condition, out var error))
        {
            return condition;
        }

        state.Add(Str(component, "id") ?? key, $"The hide condition of '{key}' ({text}) cannot be read: {error}", $"字段“{key}”的隐藏条件（{text}）无法识别：{error}");
        return null;
    }

    /// <summary>Conditions may read the form's own fields and <c>outcome</c>; a required field must not hide itself.</summary>
    private static void CheckConditions(ReadState state)
    {
        foreach (var field in state.Fields.Where(f => f.Hide is not null))
        {
            foreach (var name in field.Hide!.Names.Where(n => n != "outcome" && !state.Keys.Contains(n)))
            {
                state.Add(field.ComponentId, $"The hide condition of '{field.Key}' reads '{name}', which is not a field of this form; conditions read the form's fields and outcome.",
                    $"字段“{field.Key}”的隐藏条件读取了“{name}”，它不是本表单的字段；条件只能读取本表单的字段和 outcome（办理结果）。");
            }

            if ((field.Required || field.RequiredFor is not null) && field.Hide.Names.Contains(field.Key))
            {
                state.Add(field.ComponentId, $"The required field '{field.Key}' is hidden by a condition on its own value, so it could never be filled in; make the condition read another field or the outcome.",
                    $"必填字段“{field.Key}”的隐藏条件依赖它自身的值，因而永远无法填写；请让条件读取其他字段或办理结果。");
            }
        }
    }

    /// <summary>Unknown <c>caseflow:</c> properties are refused (a misspelt extension would silently do nothing).</summary>
    private static void CheckProperties(JsonObject component, string name, string? id, string type, ReadState state)
    {
        if (component["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (property, value) in properties)
        {
            if (property.StartsWith("caseflow:", StringComparison.Ordinal) && !FormExtensions.Known.Contains(property))
            {
                state.Add(id, $"The component '{name}' has the property '{property}', which CaseFlow does not know. Known: {string.Join(", ", FormExtensions.Known)}.",
                    $"组件“{name}”带有未知属性“{property}”。已知属性：{string.Join("、", FormExtensions.Known)}。");
            }
            else if (property.StartsWith("caseflow:", StringComparison.Ordinal) && !InputTypes.Contains(type) && property != FormExtensions.LegalBasis)
            {
                state.Add(id, $"The property '{property}' only applies to input fields; '{name}' is a {type}.", $"属性“{property}”只适用于输入字段；“{name}”是 {type}。");
            }
            else if (value is not JsonValue v || !v.TryGetValue<string>(out _))
            {
                state.Add(id, $"The property '{property}' of '{name}' must be text.", $"组件“{name}”的属性“{property}”必须是文本。");
            }
        }
    }

    private static decimal? Number(JsonObject? source, string name, string key, ReadState state)
    {
        if (source?[name] is not { } node)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var number))
        {
            return number;
        }

        if (node is JsonValue s && s.TryGetValue<string>(out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        state.Add(key, $"'{name}' of '{key}' must be a number.", $"字段“{key}”的“{name}”必须是数字。");
        return null;
    }

    private static string? Str(JsonObject? source, string name) =>
        source?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
