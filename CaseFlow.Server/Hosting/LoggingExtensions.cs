using Microsoft.Extensions.Options;
using NLog;
using NLog.Config;
using NLog.Layouts;
using NLog.Targets;
using NLog.Targets.Wrappers;
using NLog.Web;

namespace CaseFlow.Server.Hosting;

/// <summary>NLog to the console (readable) and to daily rolling JSON files under <c>&lt;DataDirectory&gt;/logs</c>.</summary>
/// <remarks>
/// <para>Logs carry ids (case, instance, task, bookmark), never names, phones or addresses: code logs through
/// structured templates with ids only, and EF Core's sensitive-data logging stays off. Every line is also redacted
/// (<see cref="PersonalDataRedactor"/>): request URLs with <c>idNumber=</c> or <c>phone=</c> lose the values.</para>
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
            var factory = new LogFactory { AutoShutdown = true }; // flushes the background writers when the process exits, e.g. a refused start
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
            Layout = Redacted("${date:format=HH\\:mm\\:ss} ${level:uppercase=true:padding=-5} ${logger:shortName=true}: ${message}${onexception:inner= ${exception:format=tostring}}"),
        };
        var file = new FileTarget("file")
        {
            FileName = Path.Combine(logDirectory, "caseflow-${shortdate}.json"),
            MaxArchiveFiles = 30,
            ArchiveAboveSize = 50 * 1024 * 1024,
            Layout = Redacted(new JsonLayout
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
            }),
        };

        // Framework chatter below these levels is cut by final rules without targets, not sent to a null target: a level
        // no rule writes is not enabled at all, so EF Core does not build its log events for every command and tracked
        // entity (3-5 % of CPU in the wave and queue profiles while a null target threw them away). NLog decides, not
        // Microsoft.Extensions.Logging's filters: AddNLogWeb removes those. LoggingLevelsTests pins the outcome.
        config.LoggingRules.Add(Blackhole("Microsoft.EntityFrameworkCore.*", NLog.LogLevel.Info));
        config.LoggingRules.Add(Blackhole("Microsoft.*", NLog.LogLevel.Debug));
        config.LoggingRules.Add(Blackhole("Quartz.*", NLog.LogLevel.Debug));
        var minimum = development ? NLog.LogLevel.Debug : NLog.LogLevel.Info;
        // Written by a background writer in batches, not by the request's thread: two lines per request (ASP.NET Core's
        // request start and finish) written synchronously to both targets were 7 % of an intake's CPU, with the requests
        // queueing on each target's lock. Blocking when the queue is full loses no line; what is queued is flushed when
        // the host stops (a kill -9 can lose the last few milliseconds of lines, never a record: those are in the database).
        config.AddRule(minimum, NLog.LogLevel.Fatal, InBackground(console));
        config.AddRule(minimum, NLog.LogLevel.Fatal, InBackground(file));
        return config;
    }

    /// <summary>
    /// The whole rendered line (message, event properties such as ASP.NET Core's <c>QueryString</c>, exception) goes
    /// through <see cref="PersonalDataRedactor"/>, so no target writes an ID number or phone number.
    /// </summary>
    private static Layout Redacted(Layout inner) => Layout.FromMethod(e => PersonalDataRedactor.Redact(inner.Render(e)), LayoutRenderOptions.None);

    private static AsyncTargetWrapper InBackground(Target target) =>
        new(target.Name + "-background", target) { OverflowAction = AsyncTargetWrapperOverflowAction.Block, QueueLimit = 10_000 };

    /// <summary>A final rule with no target for <paramref name="loggers"/> up to <paramref name="maxLevel"/>: those levels are off.</summary>
    private static LoggingRule Blackhole(string loggers, NLog.LogLevel maxLevel)
    {
        var rule = new LoggingRule { LoggerNamePattern = loggers, Final = true };
        rule.SetLoggingLevels(NLog.LogLevel.Trace, maxLevel);
        return rule;
    }
}
