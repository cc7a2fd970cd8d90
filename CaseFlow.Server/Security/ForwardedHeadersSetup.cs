using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// <c>X-Forwarded-For</c> is believed only from the proxies listed in <c>CaseFlow:Security:KnownProxies</c>; with none
/// listed the header is ignored, so a client cannot pick the address its sign-in failures are counted under.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static WebApplication UseCaseFlowForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.KnownProxies;
        if (proxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new OptionsValidationException(SecurityOptions.Section, typeof(SecurityOptions), [$"KnownProxies: '{proxy}' is not an IP address."]));
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
