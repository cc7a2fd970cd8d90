using System.Text.Json.Nodes;
using CaseFlow.Forms;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Jurisdiction;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Forms;

/// <summary>
/// What <c>POST /api/tasks/{id}/complete</c> checks before the engine runs: no variable the system owns, then the
/// step's form (declared keys only, types, required per outcome, options, ranges, patterns, directory, documents),
/// or for a step without a form the legacy <c>caseflow:requiredVariables</c>. Nothing is written when anything fails.
/// </summary>
public static class CompletionCheck
{
    /// <summary>Field errors (caller's language first) and the variables to hand to the engine, <c>outcome</c> included.</summary>
    public static async Task<(Dictionary<string, string[]> Errors, JsonObject Variables)> RunAsync(
        CaseFlowDbContext db, TaskForms forms, StoredTask task, string? outcome, JsonObject? requested, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(task);
        var variables = requested?.DeepClone().AsObject() ?? [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var form = await forms.FindAsync(task, cancellationToken);
        JsonObject accepted;
        if (form is not null)
        {
            await OfficePrefill.ApplyAsync(db, task, form.Field(OfficePrefill.Variable)?.IsRequiredFor(outcome) == true, variables, cancellationToken);
            var context = await forms.ContextAsync(form, task, cancellationToken);
            var (formErrors, values) = FormValidator.Check(form, outcome, variables, context);
            foreach (var (field, error) in formErrors)
            {
                errors[field] = error.InOrder(language);
            }

            accepted = values;
        }
        else
        {
            foreach (var key in variables.Select(v => v.Key).Where(SystemVariables.Contains))
            {
                errors[$"variables.{key}"] = FormValidator.SystemOwned(key).InOrder(language);
            }

            await OfficePrefill.ApplyAsync(db, task, outcome, variables, cancellationToken);
            foreach (var (field, messages) in TaskRequirements.Missing(task, outcome, variables))
            {
                errors.TryAdd(field, messages);
            }

            accepted = variables;
        }

        if (outcome is not null)
        {
            accepted["outcome"] = outcome;
        }

        foreach (var (field, messages) in SimpleProcedureLimits.Check(outcome, accepted))
        {
            errors.TryAdd(field, messages);
        }

        return (errors, accepted);
    }
}
