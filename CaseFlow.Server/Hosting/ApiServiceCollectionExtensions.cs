using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Server.Api;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Documents;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows;
using CaseFlow.Workflows.Calendar;
using Microsoft.AspNetCore.Authentication;

namespace CaseFlow.Server.Hosting;

/// <summary>Registers the engine, the HTTP API's services, authentication and OpenAPI.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCaseFlowCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CaseFlowOptions>().BindConfiguration(CaseFlowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddBusinessCalendar(o => builder.Configuration.GetSection("CaseFlow:Calendar").Bind(o));
        services.AddCaseFlowWorkflows();
        services.AddScoped<WorkflowCommandRunner>();
        builder.AddCaseFlowDocuments(); // the command runner seals transfer packages
        services.AddScoped<CaseIntakeService>();
        services.AddScoped<CaseMaterials>();
        services.AddScoped<Forms.TaskForms>();
        services.AddScoped<CaseViewBuilder>();
        services.AddScoped<Jurisdiction.JurisdictionTable>();
        services.AddScoped<ComplaintWarnings>();
        services.AddScoped<ReportFactsMerger>();
        services.AddOptions<WarningOptions>().BindConfiguration(WarningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RuleSetStore>();
        services.AddScoped<StatutoryDeadlineFactory>();
        services.AddScoped<DeadlineOperations>();
        services.AddScoped<CaseMeasureRecorder>();
        services.AddScoped<CaseDeadlineCommands>();
        services.AddScoped<LimitationWarnings>();
        services.AddScoped<ProcessPublisher>();
        services.AddScoped<LetterTemplateStore>();
        services.AddScoped<LetterRenderer>();
        services.AddSingleton<ProcessDefinitionValidator>();
        return builder;
    }

    public static IHostApplicationBuilder AddCaseFlowApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        return builder;
    }

    public static WebApplication MapCaseFlowApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAuthApi();
        app.MapWritePathApi();
        app.MapCasesApi();
        app.MapCaseMaterialsApi();
        app.MapTasksApi();
        app.MapProcessesApi();
        app.MapInstancesApi();
        app.MapInstanceListApi();
        app.MapMessagesApi();
        app.MapActivityDescriptorsApi();
        app.MapCalendarApi();
        app.MapRuleSetsApi();
        app.MapDeadlinesApi();
        app.MapCaseMeasuresApi();
        app.MapCalendarYearsApi();
        app.MapAbsencesApi();
        app.MapPointsApi();
        app.MapAdminOutboxApi();
        app.MapDirectoryAdminApi();
        app.MapDirectoryApi();
        app.MapRunningInstancesApi();
        app.MapInstanceOperationsApi();
        app.MapIncidentsApi();
        app.MapProcessMigrationApi();
        app.MapSupervisionApi();
        app.MapCaseDocumentsApi();
        app.MapJurisdictionsApi();
        app.MapReportFactsApi();
        app.MapLetterTemplatesApi();
        app.MapReportsApi();
        return app;
    }
}
