namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A person who signs in: roles decide what they may do, groups which tasks they are offered.</summary>
public sealed class StoredUser
{
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public string? Email { get; set; }

    /// <summary>Comma-separated role names (Intake, Handler, Supervisor, LegalOfficer, Admin).</summary>
    public required string Roles { get; set; }

    /// <summary>Comma-separated group names used by candidate groups.</summary>
    public required string Groups { get; set; }

    public bool IsDisabled { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>Wrong passwords in a row; reset by a successful sign-in.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Sign-in refused until this instant after too many wrong passwords.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public IReadOnlyList<string> RoleList => Split(Roles);

    public IReadOnlyList<string> GroupList => Split(Groups);

    private static string[] Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
