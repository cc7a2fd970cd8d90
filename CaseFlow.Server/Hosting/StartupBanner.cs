using CaseFlow.Server.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Hosting;

/// <summary>Tells the person who just started CaseFlow where it is and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var options = app.Services.GetRequiredService<IOptions<CaseFlowOptions>>().Value;
        var seeded = options.SeedDemo ?? !app.Environment.IsProduction();
        var lines = new List<string>
        {
            "",
            "CaseFlow 已启动 / CaseFlow is running",
            $"  地址 URL:        {string.Join(", ", addresses)}",
            $"  数据 Data:       {options.DataDirectoryFullPath}",
            $"  邮件 Mail:       {(string.IsNullOrWhiteSpace(options.Smtp.Host) ? "pickup folder " + (options.Smtp.PickupDirectory ?? Path.Combine(options.DataDirectoryFullPath, "outbox")) : $"SMTP {options.Smtp.Host}:{options.Smtp.Port}")}",
            $"  API 文档 OpenAPI: /openapi/v1.json",
        };
        if (seeded)
        {
            lines.Add($"  演示账号 Demo users (password '{DemoData.Password}'): {string.Join(", ", DemoData.Users.Select(u => $"{u.UserName} ({u.Roles})"))}");
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
