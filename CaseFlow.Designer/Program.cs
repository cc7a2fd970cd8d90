using CaseFlow.Designer;
using CaseFlow.Designer.Api;
using CaseFlow.Designer.Localization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// Messages at the bottom right, away from the toolbars they would otherwise cover.
builder.Services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped(_ => new HttpClient(new SessionGuard { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<People>();
builder.Services.AddScoped<Session>();
builder.Services.AddScoped<CaseFlowApi>();
builder.Services.AddScoped<Language>();

var host = builder.Build();
await host.Services.GetRequiredService<Session>().RestoreAsync();
await host.Services.GetRequiredService<Language>().RestoreAsync();
await host.RunAsync();
