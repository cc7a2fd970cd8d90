using CaseFlow.Server.Hosting;
using CaseFlow.Server.Mail;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Scheduling;
using CaseFlow.Server.Security;
using CaseFlow.Server.Seeding;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // Settings are read at start, never watched: the content root is the working directory, which holds the data
    // directory by default, and the file watcher behind reloadOnChange woke for every write to the database and its WAL
    // (issue 23's intake profile: 6 % of the CPU spent reading file events). Given first, so an argument can still turn it on.
    Args = ["--hostBuilder:reloadConfigOnChange=false", .. ServerCommands.ConfigurationArguments(args)],
    WebRootPath = DesignerHosting.WebRootPath(), // the published Designer when the build made one
});
builder.AddCaseFlowLogging();
builder.AddCaseFlowCore();
builder.AddCaseFlowPersistence();
builder.Services.AddHostedService<StartupSeeder>();
builder.AddCaseFlowScheduling();
builder.AddCaseFlowMail();
builder.AddCaseFlowApi();
builder.AddCaseFlowDesigner();
builder.AddCaseFlowSecurity();

var app = builder.Build();
app.UseCaseFlowOwnerOnlyFiles(); // umask 077 and a 0700 data directory before the database, logs or keys are written
if (ServerCommands.IsRequested(args))
{
    return await ServerCommands.RunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping); // run the command and exit, no server
}

app.UseCaseFlowSecurity(); // headers first, so every answer (401, 500 too) carries them
app.UseCaseFlowDesigner();
app.MapCaseFlowApi();
app.MapCaseFlowSecurity();
app.MapCaseFlowDesigner();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
