namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// A year of the business calendar loaded by an administrator, stored so it survives restarts. It replaces the
/// bundled year of the same number. An upload is first held as pending, because it may move running deadlines and
/// an administrator must see that impact before confirming.
/// </summary>
public sealed class StoredCalendarYear
{
    public int Year { get; set; }

    /// <summary>The applied arrangement as holiday-calendar JSON (the format of the bundled files); null while only an upload is pending.</summary>
    public string? Json { get; set; }

    public string? LoadedBy { get; set; }

    public DateTimeOffset? LoadedAt { get; set; }

    /// <summary>An upload waiting for confirmation, in the same JSON format.</summary>
    public string? PendingJson { get; set; }

    public string? PendingBy { get; set; }

    public DateTimeOffset? PendingAt { get; set; }

    /// <summary>Guards against two administrators confirming (or uploading over) the same pending upload at once.</summary>
    public int ConcurrencyVersion { get; set; }
}
