using System.Net;

namespace CaseFlow.Designer.Api;

/// <summary>
/// Answers an API call made without a session with 401 at once instead of sending it: a page still loading while its
/// user signs out (or a sign-in page's stray call) otherwise fills the browser console with 401s from the server.
/// The sign-in calls themselves (<c>api/auth/...</c>) go out as usual.
/// </summary>
public sealed class SessionGuard : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : "/" + request.RequestUri?.OriginalString.TrimStart('/');
        if (request.Headers.Authorization is null
            && path.StartsWith("/api/", StringComparison.Ordinal)
            && !path.StartsWith("/api/auth/", StringComparison.Ordinal))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request, Content = new StringContent("") });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
