using Deque.AxeCore.Playwright;
using Dyad.Testing;
using Microsoft.Playwright;

namespace Dyad.Web.Tests;

/// <summary>The server on a real port, for a real browser.</summary>
public sealed class BrowserServer : ServedStore
{
    protected override bool RealServer => true;
}

/// <summary>
/// The dashboard in headless Chromium (Debian's), driven by Playwright: a user signs in, filters to IS-K in Nangarhar,
/// opens an unclaimed attack and sees who most likely did it, and opens the rivalry page. Each step keeps a screenshot
/// (in .test-output/screenshots, and attached to the test) and is checked with axe-core for serious accessibility faults.
/// </summary>
public sealed class BrowserTests(BrowserServer served) : IClassFixture<BrowserServer>
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string Screenshots = Path.Combine(SharedData.RepositoryRoot, ".test-output", "screenshots");

    [Fact]
    public async Task Should_Find_IS_K_In_Nangarhar_An_Unclaimed_Attacks_Attribution_And_The_Rivalry()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed (Debian's chromium); scripts/test-all.sh installs it.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Nothing but the server: no background connections to anywhere else, as on a machine with no network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = served.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Authority != served.Address.Authority)
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        // A trace of every step (DOM snapshots, screenshots, network) is kept only when the test fails, with what the
        // page logged and every request it made: a failure in CI can be opened with 'playwright show-trace'.
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var journal = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => journal.Enqueue($"console {message.Type}: {message.Text}");
        page.Request += (_, request) => journal.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} → {request.Method} {request.Url}");
        page.Response += (_, response) => journal.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} ← {response.Status} {response.Url}");
        page.RequestFailed += (_, request) => journal.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} ✗ {request.Url}: {request.Failure}");
        page.FrameNavigated += (_, frame) => journal.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} navigated to {frame.Url}");
        try
        {
            await Steps(page);
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException or ShouldAssertException)
        {
            throw await Failed(context, page, journal, failure);
        }

        await context.Tracing.StopAsync();
        errors.ShouldBeEmpty();
        outside.ShouldBeEmpty();
    }

    /// <summary>The user's steps, one screenshot and accessibility check each.</summary>
    private static async Task Steps(IPage page)
    {
        await page.GotoAsync("/index.html");
        await page.WaitForURLAsync("**/login.html**");
        await Check(page, "1-login");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("analyst");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ServedStore.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/index.html**");

        await page.GetByLabel("Actor", new() { Exact = true }).FillAsync("IS-K");
        await page.GetByLabel("Province", new() { Exact = true }).FillAsync("Nangarhar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync("**province=Nangarhar**");
        await page.Locator("#notes li", new() { HasTextString = "af/nangarhar" }).WaitForAsync();
        var rows = page.Locator("#events tr");
        await rows.First.WaitForAsync();
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#places tr").First.InnerTextAsync()).ShouldContain("Nangarhar");
        (await page.Locator("svg.map path.unit").CountAsync()).ShouldBeGreaterThan(30);
        await Check(page, "2-events-is-k-in-nangarhar");

        await page.GotoAsync("/unclaimed.html");
        var attack = page.Locator("#list a", new() { HasTextString = ServedStore.UnclaimedDay });
        await attack.WaitForAsync(new() { Timeout = 120_000 });
        await Check(page, "3-unclaimed-attacks");
        await attack.ClickAsync();
        await page.WaitForURLAsync("**/event.html?id=**");
        var verdict = page.Locator("#attribution .badge");
        await verdict.WaitForAsync(new() { Timeout = 120_000 });
        (await page.Locator("#attribution").InnerTextAsync()).ShouldContain("%");
        (await page.Locator("#attribution table tbody tr").CountAsync()).ShouldBeGreaterThan(1);
        await Check(page, "4-unclaimed-attack-attribution");

        await page.GotoAsync("/rivalry.html");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Clashes between them", Exact = false }).WaitForAsync();
        (await page.Locator("#result table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        // By year (the form's default), a period reads as its year, and the chart has a scale and years to read it by.
        (await page.Locator("#result table").Last.Locator("tbody tr td").First.TextContentAsync() ?? "").ShouldMatch(@"^\d{4}$");
        (await page.Locator("svg.timeline text.chart-axis").CountAsync()).ShouldBeGreaterThan(2);
        await Check(page, "5-rivalry");

        // On a phone: the same page, nothing wider than the screen (wide tables scroll inside their own box).
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/index.html?actor=IS-K&province=Nangarhar");
        await page.Locator("#events tr").First.WaitForAsync();
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1")).ShouldBeTrue();
        await Check(page, "6-events-on-a-phone");
    }

    /// <summary>Keeps the trace, a screenshot and the page's journal of a failed run, and says where the page was.</summary>
    private static async Task<Exception> Failed(IBrowserContext context, IPage page, IReadOnlyCollection<string> journal, Exception failure)
    {
        Directory.CreateDirectory(Screenshots);
        var trace = Path.Combine(Screenshots, "failure-trace.zip");
        var screenshot = Path.Combine(Screenshots, "failure.png");
        await context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        await File.WriteAllLinesAsync(Path.Combine(Screenshots, "failure-journal.txt"), journal);
        TestContext.Current.AddAttachment("failure", await File.ReadAllBytesAsync(screenshot), "image/png");
        TestContext.Current.AddAttachment("failure-journal", string.Join('\n', journal));
        return new InvalidOperationException(
            $"The browser test failed at {page.Url}: {failure.Message}\nTrace (npx playwright show-trace): {trace}\nThe page's last requests and messages:\n{string.Join('\n', journal.TakeLast(25))}", failure);
    }

    /// <summary>Keeps a screenshot of the page and checks it with axe-core: no serious or critical violation.</summary>
    private static async Task Check(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, await File.ReadAllBytesAsync(path), "image/png");
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
