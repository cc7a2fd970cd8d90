using CaseFlow.Server.Security;

namespace CaseFlow.Server.Hosting;

/// <summary>
/// The operator's commands run by the server's dll instead of the server (<c>verify-audit</c>, <c>rotate-data-key</c>),
/// with the server's configuration: appsettings, <c>CaseFlow__...</c> environment variables and <c>--key=value</c> arguments.
/// </summary>
public static class ServerCommands
{
    public static bool IsRequested(string[] args) => args is [AuditCommand.Name or DataKeyRotation.Name, ..];

    /// <summary>The arguments left for configuration once the command's name is taken off.</summary>
    public static string[] ConfigurationArguments(string[] args) => IsRequested(args) ? args[1..] : args;

    public static Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args[0] == DataKeyRotation.Name
            ? DataKeyRotation.RunAsync(services, output, cancellationToken)
            : AuditCommand.RunAsync(services, output, cancellationToken);
    }
}
