using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Designer.Api;
using CaseFlow.Designer.Localization;
using CaseFlow.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CaseFlow.Designer.Components;

/// <summary>
/// The one renderer of task forms. It reads the schema with the same <see cref="FormSchemaReader"/> the server uses, so
/// a field's visibility (<c>conditional.hide</c>, FEEL subset) and required marks agree with what the server enforces.
/// </summary>
public sealed partial class TaskForm : IAsyncDisposable
{
    private const string OutcomeField = "outcome";
    private const string VariablePrefix = "variables.";

    private readonly JsonObject values = [];
    private List<Entry> entries = [];
    private List<FormOption> outcomeChoices = [];
    private IReadOnlyList<CaseDocument> documents = [];
    private readonly Dictionary<string, IReadOnlyList<FormOption>> serverOptions = new(StringComparer.Ordinal);
    private Dictionary<string, string[]> errors = [];
    private FormSchema? form;
    private string? outcome;
    private string? problem;
    private string? uploadingKey;
    private bool loading = true;
    private bool busy;
    private bool restored;
    private IJSObjectReference? files;
    private DotNetObjectReference<TaskForm>? self;

    [Inject] private CaseFlowApi Api { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public required TaskItem Task { get; set; }

    [Parameter] public EventCallback OnCompleted { get; set; }

    /// <summary>A check the page makes before an outcome is sent (e.g. Art. 17 signs not yet acknowledged): a message blocks it.</summary>
    [Parameter] public Func<string?, string?>? Guard { get; set; }

    /// <summary>
    /// Preview in the process designer: this schema (JSON) is shown as the handler will see it, with nothing loaded from
    /// or sent to the server and no draft kept.
    /// </summary>
    [Parameter] public string? PreviewSchema { get; set; }

    [CascadingParameter] public required TextTable T { get; set; }

    private bool IsPreview => PreviewSchema is not null;

    private enum EntryKind
    {
        Text,
        Group,
        Outcome,
        Field,
    }

    private sealed record Entry(EntryKind Kind, string? Text, FormField? Field);

    private string DraftKey => $"caseflow.form.{Task.Id}.{Api.UserName}";

    protected override async Task OnInitializedAsync()
    {
        var detail = IsPreview
            ? new JsonObject { ["form"] = JsonNode.Parse(PreviewSchema!) }
            : (await Api.TaskDetailAsync(Task.Id, T.Culture)).Value;
        if (detail?["form"] is JsonObject schema)
        {
            form = FormSchemaReader.Read(schema.ToJsonString(), Task.Outcomes, []);
            entries = form is null ? [] : Flatten(schema["components"] as JsonArray, form).ToList();
            foreach (var field in (detail["fields"] as JsonArray ?? []).OfType<JsonObject>())
            {
                serverOptions[(string)field["key"]!] = (field["options"] as JsonArray ?? [])
                    .OfType<JsonObject>().Select(o => new FormOption((string)o["value"]!, (string?)o["label"] ?? (string)o["value"]!)).ToList();
            }
        }

        outcomeChoices = detail?["outcomeChoices"] is JsonArray choices
            ? choices.OfType<JsonObject>().Select(c => new FormOption((string)c["value"]!, (string)c["label"]!)).ToList()
            : Task.Outcomes.Select(o => new FormOption(o, T.Label("outcome", o))).ToList();
        if (form?.OutcomeField is null)
        {
            // Outcomes the form does not label are named by the Designer's own table.
            outcomeChoices = outcomeChoices.Select(c => c.Label == c.Value ? c with { Label = T.Label("outcome", c.Value) } : c).ToList();
        }

        if (form?.OutcomeField is { } outcomeField)
        {
            outcomeChoices = outcomeField.Options.ToList();
        }

        if (IsPreview)
        {
            loading = false;
            return;
        }

        if (form?.Fields.Any(f => f.Document) == true && Task.CaseId is { } caseId)
        {
            documents = (await Api.DocumentsAsync(caseId)).Value ?? [];
        }

        restored = await RestoreDraftAsync();
        if (!restored)
        {
            foreach (var field in form?.Fields ?? [])
            {
                values[field.Key] = field.DefaultValue?.DeepClone();
                if (field is { Directory: "office", Key: "officeId" } && detail?["suggestedOfficeId"] is JsonValue suggested && !string.IsNullOrEmpty((string?)suggested))
                {
                    values[field.Key] = (string?)suggested;
                }
            }
        }

        loading = false;
    }

    /// <summary>The schema's components in order, groups opened, with the input fields the reader enforces.</summary>
    private static IEnumerable<Entry> Flatten(JsonArray? components, FormSchema schema)
    {
        foreach (var component in (components ?? []).OfType<JsonObject>())
        {
            var type = (string?)component["type"];
            var key = (string?)component["key"];
            if (type == "text" && (string?)component["text"] is { Length: > 0 } text)
            {
                yield return new Entry(EntryKind.Text, text.Replace("**", "", StringComparison.Ordinal), null);
            }
            else if (type == "group")
            {
                if ((string?)component["label"] is { Length: > 0 } label)
                {
                    yield return new Entry(EntryKind.Group, label, null);
                }

                foreach (var inner in Flatten(component["components"] as JsonArray, schema))
                {
                    yield return inner;
                }
            }
            else if (key == OutcomeField && schema.OutcomeField is not null)
            {
                yield return new Entry(EntryKind.Outcome, null, null);
            }
            else if (key is not null && schema.Field(key) is { } field)
            {
                yield return new Entry(EntryKind.Field, null, field);
            }
        }
    }

    private JsonObject Data()
    {
        var data = values.DeepClone().AsObject();
        data[OutcomeField] = outcome;
        return data;
    }

    private bool IsShown(FormField field) => field.Hide?.IsTrue(Data()) != true;

    private JsonNode? Value(string key) => values[key];

    private IReadOnlyList<FormOption> OptionsOf(FormField field) =>
        field.Options.Count > 0 ? field.Options : serverOptions.GetValueOrDefault(field.Key) ?? [];

    private string[] ErrorsFor(string field) => errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Errors with no shown field to stand under (a field of another outcome, or one the form does not have).</summary>
    private IEnumerable<KeyValuePair<string, string[]>> UnplacedErrors => errors.Where(e =>
        e.Key != OutcomeField && !(e.Key.StartsWith(VariablePrefix, StringComparison.Ordinal)
            && form?.Field(e.Key[VariablePrefix.Length..]) is { } shown && IsShown(shown)));

    private string FieldName(string errorKey) =>
        errorKey.StartsWith(VariablePrefix, StringComparison.Ordinal) && form?.Field(errorKey[VariablePrefix.Length..]) is { } field
            ? field.LabelIn(T.Culture)
            : errorKey;

    private async Task ChooseOutcomeAsync(string chosen)
    {
        outcome = chosen;
        errors.Remove(OutcomeField);
        await SaveDraftAsync();
    }

    private async Task SetAsync(string key, JsonNode? value)
    {
        values[key] = value;
        errors.Remove(VariablePrefix + key);
        await SaveDraftAsync();
    }

    /// <summary>Chooses an outcome and fills fields, e.g. a refusal on the Art. 16(3) ground from the warning panel.</summary>
    public async Task PrefillAsync(string chosenOutcome, IReadOnlyDictionary<string, string> prefilled)
    {
        ArgumentNullException.ThrowIfNull(prefilled);
        outcome = chosenOutcome;
        foreach (var (key, value) in prefilled)
        {
            values[key] = value;
        }

        await SaveDraftAsync();
        StateHasChanged();
    }

    private async Task CompleteAsync()
    {
        problem = Guard?.Invoke(outcome);
        if (problem is not null || IsPreview)
        {
            return;
        }

        busy = true;
        var variables = new JsonObject();
        foreach (var field in form?.Fields.Where(IsShown) ?? [])
        {
            if (values[field.Key] is { } value && !(value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace((string?)v)))
            {
                variables[field.Key] = value.DeepClone();
            }
        }

        var result = await Api.CompleteAsync(Task.Id, outcome, variables, T.Culture);
        busy = false;
        if (result.Ok)
        {
            errors = [];
            await JS.InvokeVoidAsync("localStorage.removeItem", DraftKey);
            Snackbar.Add($"{T["complete.done"]}: {Task.Name}", Severity.Success);
            await OnCompleted.InvokeAsync();
            return;
        }

        errors = result.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => ServerText.InLanguage(m, T.Culture)).ToArray(), StringComparer.Ordinal);
        problem = result.Errors.Count > 0 ? null : result.Status switch
        {
            System.Net.HttpStatusCode.Forbidden => T["complete.notyours"],
            System.Net.HttpStatusCode.Conflict => T["error.conflict"],
            _ => result.Problem ?? T["error.generic"],
        };
    }

    private async Task SaveDraftAsync()
    {
        if (IsPreview)
        {
            return;
        }

        var draft = new JsonObject { [OutcomeField] = outcome, ["values"] = values.DeepClone() };
        await JS.InvokeVoidAsync("localStorage.setItem", DraftKey, draft.ToJsonString());
    }

    private async Task<bool> RestoreDraftAsync()
    {
        var text = await JS.InvokeAsync<string?>("localStorage.getItem", DraftKey);
        if (string.IsNullOrEmpty(text) || JsonNode.Parse(text) is not JsonObject draft || draft["values"] is not JsonObject saved)
        {
            return false;
        }

        outcome = (string?)draft[OutcomeField];
        foreach (var (key, value) in saved)
        {
            if (form?.Field(key) is not null)
            {
                values[key] = value?.DeepClone();
            }
        }

        return outcome is not null || values.Any(v => v.Value is not null);
    }

    /// <summary>Uploads the file chosen beside a document field to the case, then selects the new document.</summary>
    private async Task UploadAsync((string Key, ElementReference Input) upload)
    {
        if (Task.CaseId is not { } caseId)
        {
            return;
        }

        files ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/files.js");
        if (string.IsNullOrEmpty(await files.InvokeAsync<string>("chosenName", upload.Input)))
        {
            Snackbar.Add(T["form.document.choose"], Severity.Warning);
            return;
        }

        uploadingKey = upload.Key;
        self ??= DotNetObjectReference.Create(this);
        var answer = await files.InvokeAsync<UploadAnswer>("upload", upload.Input, $"api/cases/{caseId}/documents", Api.AccessToken, new Dictionary<string, string?> { ["kind"] = "letter" }, self);
        uploadingKey = null;
        if (answer.Status is >= 200 and < 300 && JsonNode.Parse(answer.Body)?["id"] is JsonValue id)
        {
            documents = (await Api.DocumentsAsync(caseId)).Value ?? [];
            await SetAsync(upload.Key, (string?)id);
            Snackbar.Add(T["doc.uploaded"], Severity.Success);
            return;
        }

        Snackbar.Add(T["error.generic"], Severity.Error);
    }

    /// <summary>files.js reports progress; the button stays disabled until the upload answers.</summary>
    [JSInvokable]
    public void OnUploadProgress(int percent) => problem = percent < 0 ? T["error.generic"] : problem;

    public async ValueTask DisposeAsync()
    {
        self?.Dispose();
        if (files is not null)
        {
            try
            {
                await files.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // the tab is closing
            }
        }
    }
}
