namespace CaseFlow.Server.Persistence.Entities;

/// <summary>One version of a letter template. Versions are never changed; saving adds the next one, the highest is current.</summary>
public sealed class StoredLetterTemplate
{
    public long Id { get; set; }

    /// <summary>e.g. refusal.</summary>
    public required string Code { get; set; }

    public int Version { get; set; }

    /// <summary>Chinese name, e.g. 不予受理告知.</summary>
    public required string Name { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>The merge fields the template may use, comma-separated.</summary>
    public required string Fields { get; set; }

    /// <summary>
    /// Who the letter goes to (<see cref="Letters.LetterAddressees"/>): complainant, respondent, police or internal; null
    /// for versions stored before the marker existed, read as the shipped template's addressee.
    /// </summary>
    public string? AddressedTo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
