using Microsoft.Extensions.Options;
using NLog;
using NLog.Config;
using NLog.Layouts;
using NLog.Targets;
using NLog.Web;

namespace CaseFlow.Server.Hosting;

/// <summary>NLog to the console (readable) and to daily rolling JSON files under <c>&lt;DataDirectory&gt;/logs</c>.</summary>
/// <remarks>
/// <para>Logs carry ids (case, instance, task, bookmark), never names, phones or addresses: code logs through
/// structured templates with ids only, and EF Core's sensitive-data logging stays off.</para>
/// <para>Each host gets its own <see cref="LogFactory"/>, built once the container exists, so the file target
/// uses the data directory from the final configuration (command line, environment, test settings) and two
/// hosts in one process never write into each other's folders.</para>
/// </remarks>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddCaseFlowLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace);
        var development = builder.Environment.IsDevelopment();
        builder.Logging.AddNLogWeb(services =>
        {
            var options = services.GetRequiredService<IOptions<CaseFlowOptions>>().Value;
            var factory = new LogFactory();
            factory.Configuration = CreateConfiguration(Path.Combine(options.DataDirectoryFullPath, "logs"), development);
            return factory;
        });
        return builder;
    }

    private static LoggingConfiguration CreateConfiguration(string logDirectory, bool development)
    {
        var config = new LoggingConfiguration();
        var console = new ConsoleTarget("console")
        {
            Layout = "${date:format=HH\\:mm\\:ss} ${level:uppercase=true:padding=-5} ${logger:shortName=true}: ${message}${onexception:inner= ${exception:format=tostring}}",
        };
        var file = new FileTarget("file")
        {
            FileName = Path.Combine(logDirectory, "caseflow-${shortdate}.json"),
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

        // Framework chatter below these levels is dropped before it reaches any target.
        var drop = new NullTarget("drop");
        config.AddRule(NLog.LogLevel.Trace, NLog.LogLevel.Info, drop, "Microsoft.EntityFrameworkCore.*", final: true);
        config.AddRule(NLog.LogLevel.Trace, NLog.LogLevel.Debug, drop, "Microsoft.*", final: true);
        config.AddRule(NLog.LogLevel.Trace, NLog.LogLevel.Debug, drop, "Quartz.*", final: true);
        var minimum = development ? NLog.LogLevel.Debug : NLog.LogLevel.Info;
        config.AddRule(minimum, NLog.LogLevel.Fatal, console);
        config.AddRule(minimum, NLog.LogLevel.Fatal, file);
        return config;
    }
}
