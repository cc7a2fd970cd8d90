using System.Net;
using System.Text.RegularExpressions;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// The Designer's files are served anonymously at / (Hosting/DesignerHosting.cs): client routes get index.html,
/// the fingerprinted names index.html refers to are found, and the API keeps its 401 and 404.
/// </summary>
public sealed class DesignerHostingTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Root_and_client_routes_serve_the_Designer_page_anonymously()
    {
        using var anonymous = app.CreateClient();

        var root = await anonymous.GetAsync("/");
        var route = await anonymous.GetAsync("/processes/complaint");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CaseFlow 正在加载", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Contains("<div id=\"app\">", await route.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fingerprinted_runtime_script_and_the_modeler_module_are_served()
    {
        using var anonymous = app.CreateClient();
        var index = await anonymous.GetStringAsync("/");
        var script = Regex.Match(index, "_framework/blazor\\.webassembly\\.[a-z0-9]+\\.js").Value;

        var runtime = await anonymous.GetAsync("/" + script);
        var modeler = await anonymous.GetAsync("/js/modeler.js");

        Assert.NotEqual(string.Empty, script);
        Assert.Equal(HttpStatusCode.OK, runtime.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modeler.StatusCode);
        Assert.Contains("BpmnJS", await modeler.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_paths_do_not_fall_back_to_the_page()
    {
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/processes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("legal")).GetAsync("/api/no-such-thing")).StatusCode);
    }
}
