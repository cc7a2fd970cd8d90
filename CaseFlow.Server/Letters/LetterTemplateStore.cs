using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Letters;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Letters;

/// <summary>
/// Letter templates as stored: the shipped defaults become version 1 at first start; every save adds a version, and
/// the highest version is the one letters are rendered from. Old versions stay, so a sent letter can be traced.
/// </summary>
public sealed class LetterTemplateStore(CaseFlowDbContext db, TimeProvider clock)
{
    private const string SystemActor = "system";

    /// <summary>The current version of every template, in the shipped order.</summary>
    public async Task<IReadOnlyList<StoredLetterTemplate>> ListCurrentAsync(CancellationToken cancellationToken)
    {
        var rows = await db.LetterTemplates.AsNoTracking()
            .Where(t => t.Version == db.LetterTemplates.Where(o => o.Code == t.Code).Max(o => o.Version))
            .ToListAsync(cancellationToken);
        return ShippedLetterTemplates.All()
            .Select(shipped => rows.FirstOrDefault(r => r.Code == shipped.Code) ?? FromShipped(shipped))
            .ToList();
    }

    /// <summary>The current version of <paramref name="code"/>; the shipped default before seeding; null for an unknown code.</summary>
    public async Task<StoredLetterTemplate?> GetCurrentAsync(string code, CancellationToken cancellationToken)
    {
        var shipped = ShippedLetterTemplates.All().FirstOrDefault(t => t.Code == code);
        if (shipped is null)
        {
            return null;
        }

        return await db.LetterTemplates.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken)
            ?? FromShipped(shipped);
    }

    /// <summary>Every stored version of <paramref name="code"/>, newest first.</summary>
    public async Task<IReadOnlyList<StoredLetterTemplate>> VersionsAsync(string code, CancellationToken cancellationToken) =>
        await db.LetterTemplates.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).ToListAsync(cancellationToken);

    /// <summary>
    /// Validates and stores a new version of <paramref name="current"/>'s template. Returns the field errors (empty
    /// when saved) and the saved row; null row with no errors means another save took the same version number first.
    /// </summary>
    public async Task<(Dictionary<string, string[]> Errors, StoredLetterTemplate? Saved)> SaveAsync(
        StoredLetterTemplate current, string? subject, string? body, string? addressedTo, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var fields = current.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var errors = LetterTemplateValidator.Validate(current.Code, fields, subject, body);
        var addressee = addressedTo?.Trim() ?? LetterAddressees.Of(current);
        if (!LetterAddressees.All.Contains(addressee))
        {
            errors["addressedTo"] = [$"addressedTo must be one of: {string.Join(", ", LetterAddressees.All)}. 收件人须为以下之一：{string.Join("、", LetterAddressees.All)}。"];
        }

        foreach (var (part, messages) in LetterAddressees.Check(addressee, subject, body))
        {
            errors[part] = errors.TryGetValue(part, out var earlier) ? [.. earlier, .. messages] : messages;
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        await SeedAsync(cancellationToken);
        var latest = await db.LetterTemplates.Where(t => t.Code == current.Code).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        var row = new StoredLetterTemplate
        {
            Code = current.Code,
            Version = latest + 1,
            Name = current.Name,
            Subject = subject!.Trim(),
            Body = body!,
            Fields = current.Fields,
            AddressedTo = addressee,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
        };
        db.LetterTemplates.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (errors, null);
        }

        return (errors, row);
    }

    /// <summary>Stores version 1 of each shipped template not stored yet; stored (perhaps edited) ones are never overwritten.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var stored = await db.LetterTemplates.Select(t => t.Code).Distinct().ToListAsync(cancellationToken);
        var missing = ShippedLetterTemplates.All().Where(t => !stored.Contains(t.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var shipped in missing)
        {
            var row = FromShipped(shipped);
            row.CreatedAt = now;
            db.LetterTemplates.Add(row);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node seeded the same templates at the same moment; theirs are identical.
            db.ChangeTracker.Clear();
        }
    }

    private static StoredLetterTemplate FromShipped(LetterTemplate shipped) => new()
    {
        Code = shipped.Code,
        Version = 1,
        Name = shipped.Name,
        Subject = shipped.Subject,
        Body = shipped.Body,
        Fields = string.Join(',', shipped.Fields),
        AddressedTo = LetterAddressees.ShippedFor(shipped.Code),
        CreatedBy = SystemActor,
    };
}
