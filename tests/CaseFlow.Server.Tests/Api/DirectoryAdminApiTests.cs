using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary><c>/api/admin/users|groups|offices</c>: the directory an administrator keeps.</summary>
public sealed class DirectoryAdminApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Users_ListsTheDemoAccountsWithRolesAndGroups_ForAdminsOnly()
    {
        var admin = await app.ClientForAsync("admin");

        var users = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/users"))!;

        var chief = users.Single(u => (string)u!["userName"]! == "chief")!;
        Assert.Equal(["Supervisor"], chief["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["supervisors", "office-1", "office-2", "bureau-chief", "bureau-heads", "office-1-head", "office-2-head"], chief["groups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal(["bureau-heads"], users.Single(u => (string)u!["userName"]! == "deputy1")!["groups"]!.AsArray().Select(g => (string)g!));
        Assert.False((bool)chief["disabled"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("chief")).GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task CreateUser_ThenTheNewUserSignsInWithTheGroupsGiven()
    {
        var admin = await app.ClientForAsync("admin");

        var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "handler9",
            displayName = "办案员 孙磊",
            password = "a-long-enough-secret-9",
            roles = new List<string> { "Handler" },
            groups = new List<string> { "office-2" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "handler9", password = "a-long-enough-secret-9" });
        var answer = await token.ReadObjectAsync();
        Assert.Equal(["office-2"], answer["groups"]!.AsArray().Select(g => (string)g!));
        var again = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "handler9", displayName = "x", password = "a-long-enough-secret-9", roles = new List<string> { "Handler" } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task CreateUser_Invalid_NamesEachField()
    {
        var admin = await app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "Bad Name", displayName = "", password = "short", roles = new List<string> { "Boss" }, groups = new List<string> { "Office 1" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["displayName", "groups", "password", "roles", "userName"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonArray>("/api/admin/users"))!, u => (string)u!["userName"]! == "Bad Name");
    }

    [Fact]
    public async Task Membership_ChangesTheCandidateQueueAtOnce()
    {
        var admin = await app.ClientForAsync("admin");
        await admin.PostAsJsonAsync("/api/admin/users", new { userName = "mover", displayName = "调动人员", password = "a-long-enough-secret-1", roles = new List<string> { "Handler" }, groups = new List<string> { "office-1" } });
        var mover = await SignInAsync("mover", "a-long-enough-secret-1");

        var changed = await admin.PutAsJsonAsync("/api/admin/users/mover/membership", new { roles = new List<string> { "Handler", "Intake" }, groups = new List<string> { "office-2", "intake" } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var groups = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/groups"))!;
        Assert.Contains("mover", groups.Single(g => (string)g!["name"]! == "office-2")!["members"]!.AsArray().Select(m => (string)m!));
        Assert.DoesNotContain("mover", groups.Single(g => (string)g!["name"]! == "office-1")!["members"]!.AsArray().Select(m => (string)m!));
        Assert.Equal("开发区市场监管所", (string)groups.Single(g => (string)g!["name"]! == "office-2")!["officeName"]!);

        // The same token now may register cases: roles are read from the account on every request.
        var created = await mover.PostAsJsonAsync("/api/cases", Requests.Complaint());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/admin/users/nobody/membership", new { roles = new List<string> { "Handler" } })).StatusCode);
    }

    [Fact]
    public async Task Membership_AnAdminCannotDropTheirOwnAdminRole()
    {
        var admin = await app.ClientForAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/users/admin/membership", new { roles = new List<string> { "Handler" }, groups = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("roles"));
    }

    [Fact]
    public async Task Offices_CreateAndRename()
    {
        var admin = await app.ClientForAsync("admin");

        var created = await admin.PutAsJsonAsync("/api/admin/offices/office-3", new { name = "高新区市场监管所", email = "office-3@caseflow.example" });
        var renamed = await admin.PutAsJsonAsync("/api/admin/offices/office-3", new { name = "高新区所" });
        var invalid = await admin.PutAsJsonAsync("/api/admin/offices/Office 4", new { name = "" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var offices = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/offices"))!;
        Assert.Equal("高新区所", (string)offices.Single(o => (string)o!["id"]! == "office-3")!["name"]!);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["id", "name"], (await invalid.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = app.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName, password })).ReadObjectAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (string)token["accessToken"]!);
        return client;
    }
}
