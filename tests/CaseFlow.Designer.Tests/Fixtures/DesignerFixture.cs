using Microsoft.Playwright;

namespace CaseFlow.Designer.Tests.Fixtures;

/// <summary>
/// One server and one headless Chromium per test class. The browser is the system's (CASEFLOW_CHROMIUM, default
/// /usr/bin/chromium; build/test.sh installs it); Playwright never downloads one. No browser is a failure, not a skip.
/// </summary>
public sealed class DesignerFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CASEFLOW_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Chromium not found at {path}: run build/test.sh (it installs it) or set CASEFLOW_CHROMIUM.", path);
    }

    public async ValueTask InitializeAsync()
    {
        var chromium = ChromiumPath();

        // The first load fetches the WebAssembly runtime; on a busy 2-core machine that can take far more than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(60_000);
        Server = await ServerProcess.StartAsync(
            new Dictionary<string, string>
            {
                // the 督办 badge comes from the escalation sweep; run it every second instead of every 15
                ["CaseFlow__Scheduling__EscalationSweepSeconds"] = "1",
                // a small upload limit, so the size refusal is tested without sending 20 MB
                ["CaseFlow__Documents__MaxBytes"] = "1048576",
            },
            TestContext.Current.CancellationToken);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser tab (own sessionStorage) in Chinese, at the Designer's address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        // The browser's console and uncaught errors go to the test's output: a Blazor exception is otherwise only
        // "An error occurred" on the page.
        var output = TestContext.Current.TestOutputHelper;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Write(output, $"[browser {message.Type}] {message.Text}");
            }
        };
        page.PageError += (_, error) => Write(output, $"[browser page error] {error}");
        return page;
    }

    /// <summary>
    /// Writes to the output of the test that opened the page. A page outlives its test (its tab stays open), and xUnit
    /// throws when a finished test's output is written to; thrown inside Playwright's event dispatch, that broke the
    /// browser connection for every later test.
    /// </summary>
    private static void Write(ITestOutputHelper? output, string line)
    {
        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // the test that opened the page has ended; nobody reads its output any more
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
