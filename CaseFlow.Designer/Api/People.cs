namespace CaseFlow.Designer.Api;

public sealed record DirectoryUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

public sealed record DirectoryOffice(string Id, string Name);

public sealed record DirectoryAnswer(IReadOnlyList<DirectoryUser> Users, IReadOnlyList<DirectoryOffice> Offices);

/// <summary>
/// The directory (<c>GET /api/directory</c>), read once per sign-in: turns logins, group names and office ids into the
/// names people know (办案员 李强（城关所）, 城关市场监管所), and lists who may take a step for the pickers. A code the
/// directory does not know is shown as it is.
/// </summary>
public sealed class People
{
    private Dictionary<string, DirectoryUser> users = new(StringComparer.Ordinal);
    private Dictionary<string, DirectoryOffice> offices = new(StringComparer.Ordinal);
    private string? loadedFor;

    public IReadOnlyList<DirectoryUser> Users => users.Values.OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();

    public IReadOnlyList<DirectoryOffice> Offices => offices.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToList();

    /// <summary>Reads the directory unless it was read for this session's token already.</summary>
    public async Task LoadAsync(CaseFlowApi api, string token, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (!force && loadedFor == token)
        {
            return;
        }

        var answer = await api.DirectoryAsync();
        if (answer.Value is { } directory)
        {
            users = directory.Users.ToDictionary(u => u.UserName, StringComparer.Ordinal);
            offices = directory.Offices.ToDictionary(o => o.Id, StringComparer.Ordinal);
            loadedFor = token;
        }
    }

    public void Clear()
    {
        users = new(StringComparer.Ordinal);
        offices = new(StringComparer.Ordinal);
        loadedFor = null;
    }

    /// <summary>The person's display name, or the login when the directory has no such (active) user.</summary>
    public string Person(string? login) => login is null ? "" : users.TryGetValue(login, out var user) ? user.DisplayName : login;

    public bool Knows(string login) => users.ContainsKey(login);

    public string Office(string? id) => id is null ? "" : offices.TryGetValue(id, out var office) ? office.Name : id;

    public bool IsOffice(string group) => offices.ContainsKey(group);

    /// <summary>Users in any of <paramref name="groups"/>: who a task with these candidate groups is offered to.</summary>
    public IReadOnlyList<DirectoryUser> InGroups(IEnumerable<string> groups)
    {
        var wanted = groups.ToHashSet(StringComparer.Ordinal);
        return Users.Where(u => u.Groups.Any(wanted.Contains)).ToList();
    }
}
