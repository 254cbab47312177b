using CoopApi.IntegrationTests.Support;
using Microsoft.Playwright;

namespace CoopApi.IntegrationTests.Security;

/// <summary>
/// What a person does with the key <c>./run.sh</c> prints: open Swagger UI, click Authorize,
/// paste the key under apiKey, and call an endpoint that needs it. Runs Debian's Chromium headless.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SwaggerUiAuthorizeTests(ApiFixture fixture)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task AuthorizeWithTheAdminKey_ThenListingKeysAnswers200()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (test.sh does).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "swagger/index.html").ToString());

        await page.Locator(".scheme-container button.authorize").ClickAsync();
        var apiKey = page.Locator(".auth-container").Filter(new LocatorFilterOptions { HasText = "X-Api-Key" });
        await apiKey.Locator("input").FillAsync(fixture.AdminKey);
        await apiKey.Locator("button.authorize").ClickAsync();
        await page.Locator(".modal-ux .close-modal").ClickAsync();

        var operation = page.Locator(".opblock.opblock-get").Filter(new LocatorFilterOptions
        {
            Has = page.Locator(".opblock-summary-path[data-path='/api/v1/api-keys']"),
        });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        await operation.Locator("button.execute").ClickAsync();
        var status = operation.Locator(".live-responses-table .response .response-col_status").First;
        await status.WaitForAsync();

        Assert.Equal("200", (await status.InnerTextAsync()).Trim());
    }

    /// <summary>
    /// The other scheme of the Authorize dialog: a bearer token from the OpenID Connect provider,
    /// or the key run.sh printed pasted there (a person need not know which box to use).
    /// </summary>
    [Theory]
    [InlineData("token")]
    [InlineData("the admin key")]
    public async Task AuthorizeUnderBearer_ThenTheRegisterAnswers200(string credential)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (test.sh does).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "swagger/index.html").ToString());

        await Browser.SwaggerUi.AuthorizeWithBearerTokenAsync(page, credential == "token" ? fixture.Issuer.Mint(scope: "openid read") : fixture.AdminKey);

        var operation = page.Locator(".opblock.opblock-get").Filter(new LocatorFilterOptions
        {
            Has = page.Locator(".opblock-summary-path[data-path='/api/v1/reference/enums']"),
        });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        await operation.Locator("button.execute").ClickAsync();
        var status = operation.Locator(".live-responses-table .response .response-col_status").First;
        await status.WaitForAsync();

        Assert.Equal("200", (await status.InnerTextAsync()).Trim());
    }
}
