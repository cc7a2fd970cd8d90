using CaseFlow.Workflows.Activities;

namespace CaseFlow.Server.Api;

/// <summary><c>GET /api/activity-descriptors</c>: the activities the Designer's palette offers, with their inputs.</summary>
public static class ActivityDescriptorsApi
{
    public static IEndpointRouteBuilder MapActivityDescriptorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activity-descriptors", (IActivityRegistry registry) => TypedResults.Ok(registry.Descriptors))
            .WithTags("Processes").RequireAuthorization();
        return app;
    }
}
