using NLog.Config;
using NLog.Layouts;
using NLog.Targets;
using NLog.Web;

namespace CaseFlow.Server.Hosting;

/// <summary>NLog to the console (readable) and to daily rolling JSON files under <c>&lt;DataDirectory&gt;/logs</c>.</summary>
/// <remarks>
/// Logs carry ids (case, instance, task, bookmark), never names, phones or addresses: code logs through
/// structured templates with ids only, and EF Core's sensitive-data logging stays off.
/// </remarks>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddCaseFlowLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataDirectory = builder.Configuration["CaseFlow:DataDirectory"] ?? "./data";
        var logDirectory = Path.Combine(Path.GetFullPath(dataDirectory), "logs");

        var config = new LoggingConfiguration();
        var console = new ConsoleTarget("console")
        {
            Layout = "${date:format=HH\\:mm\\:ss} ${level:uppercase=true:padding=-5} ${logger:shortName=true}: ${message}${onexception:inner= ${exception:format=tostring}}",
        };
        var file = new FileTarget("file")
        {
            FileName = Path.Combine(logDirectory, "caseflow-${shortdate}.json"),
            ArchiveOldFileOnStartup = false,
            MaxArchiveFiles = 30,
            ArchiveAboveSize = 50 * 1024 * 1024,
            Layout = new JsonLayout
            {
                IncludeEventProperties = true,
                Attributes =
                {
                    new JsonAttribute("time", "${date:universalTime=true:format=o}"),
                    new JsonAttribute("level", "${level}"),
                    new JsonAttribute("logger", "${logger}"),
                    new JsonAttribute("message", "${message}"),
                    new JsonAttribute("exception", "${exception:format=tostring}"),
                },
            },
        };
        var minimum = builder.Environment.IsDevelopment() ? NLog.LogLevel.Debug : NLog.LogLevel.Info;
        // Framework chatter below these levels is dropped before it reaches any target.
        var drop = new NullTarget("drop");
        config.AddRule(NLog.LogLevel.Trace, NLog.LogLevel.Info, drop, "Microsoft.EntityFrameworkCore.*", final: true);
        config.AddRule(NLog.LogLevel.Trace, NLog.LogLevel.Debug, drop, "Microsoft.*", final: true);
        config.AddRule(NLog.LogLevel.Trace, NLog.LogLevel.Debug, drop, "Quartz.*", final: true);
        config.AddRule(minimum, NLog.LogLevel.Fatal, console);
        config.AddRule(minimum, NLog.LogLevel.Fatal, file);

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace);
        builder.Logging.AddNLogWeb(config);
        return builder;
    }
}
