using CaseFlow.Forms;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Bpmn;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Forms;

/// <summary>
/// Finds a task's form in the process version its instance runs (published versions never change, so the form a task
/// was opened with is the one it is completed against), and what a completion is checked against besides the schema.
/// </summary>
public sealed class TaskForms(CaseFlowDbContext db, IProcessGraphCache graphs)
{
    /// <summary>The task's form, or null when its step has none (legacy <c>caseflow:requiredVariables</c> or free input).</summary>
    public async Task<FormSchema?> FindAsync(StoredTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var instance = await db.Instances.AsNoTracking().Where(i => i.Id == task.InstanceId)
            .Select(i => new { i.ProcessKey, i.ProcessVersion }).SingleOrDefaultAsync(cancellationToken);
        if (instance is null)
        {
            return null;
        }

        return graphs.GetOrLoad(db, instance.ProcessKey, instance.ProcessVersion).GetTaskForm(task.ElementId);
    }

    /// <summary>The directory and the case's documents, loaded only when the form has a field that needs them.</summary>
    public async Task<FormCheckContext> ContextAsync(FormSchema form, StoredTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(task);
        HashSet<string>? offices = null, users = null, documents = null;
        if (form.Fields.Any(f => f.Directory == "office"))
        {
            offices = (await db.Offices.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        }

        if (form.Fields.Any(f => f.Directory == "user"))
        {
            users = (await db.Users.AsNoTracking().Where(u => !u.IsDisabled).Select(u => u.UserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        }

        if (form.Fields.Any(f => f.Document))
        {
            var ids = task.CaseId is { } caseId
                ? await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId).Select(d => d.Id).ToListAsync(cancellationToken)
                : [];
            documents = ids.Select(id => id.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return new FormCheckContext(offices, users, documents);
    }

    /// <summary>Options of the directory pickers, for the form a handler is shown.</summary>
    public async Task<Func<string, IReadOnlyList<FormOption>>> DirectoryAsync(FormSchema form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var offices = form.Fields.Any(f => f.Directory == "office")
            ? await db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => new FormOption(o.Id, o.Name)).ToListAsync(cancellationToken)
            : [];
        var users = form.Fields.Any(f => f.Directory == "user")
            ? await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.UserName).Select(u => new FormOption(u.UserName, u.DisplayName)).ToListAsync(cancellationToken)
            : [];
        return kind => kind == "office" ? offices : users;
    }
}
