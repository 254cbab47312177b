using CoopApi.IntegrationTests.Support;
using Microsoft.Playwright;

namespace CoopApi.IntegrationTests.Browser;

/// <summary>
/// What a newcomer does first: open Swagger UI in a browser, Authorize with the key run.sh
/// printed, "Try it out" on the list of cooperatives, and see the demo data. Runs Debian's Chromium headless (test.sh installs it).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SwaggerUiBrowserTests(ApiFixture fixture)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task SwaggerUi_TryItOutOnTheList_ShowsDemoCooperatives()
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
        await SwaggerUi.AuthorizeWithApiKeyAsync(page, fixture.AdminKey);
        var operation = page.Locator(".opblock.opblock-get").Filter(new LocatorFilterOptions
        {
            Has = page.Locator(".opblock-summary-path[data-path='/api/v1/cooperatives']"),
        });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        await operation.Locator("button.execute").ClickAsync();

        var responseBody = operation.Locator(".live-responses-table .response-col_description pre").First;
        await responseBody.WaitForAsync();
        var text = await responseBody.InnerTextAsync();
        var status = await operation.Locator(".live-responses-table .response .response-col_status").First.InnerTextAsync();

        Assert.Equal("200", status.Trim());
        Assert.Contains("\"totalCount\": ", text, StringComparison.Ordinal);
        Assert.Contains("Hợp tác xã", text, StringComparison.Ordinal);
        var total = System.Text.Json.Nodes.JsonNode.Parse(text)!["totalCount"]!.GetValue<int>();
        Assert.True(total >= 1012, $"expected the demo register (≥ 1,012 organizations), saw {total}");
    }

    /// <summary>
    /// A person changes one record with "Try it out": reads its ETag from a GET, pastes it into
    /// the required If-Match field of PATCH, sends the body example the page offers, and gets 200.
    /// </summary>
    [Fact]
    public async Task SwaggerUi_TryItOutOnPatch_WithTheETagOfAGet_ChangesTheRecord()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (test.sh does).");
        using var client = fixture.CreateClient();
        var record = await TestData.CreateAsync(client);
        var id = (string)record["id"]!;
        var etag = (await client.GetAsync($"api/v1/cooperatives/{id}")).Headers.ETag!.Tag;
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
        await SwaggerUi.AuthorizeWithApiKeyAsync(page, fixture.AdminKey);
        var operation = page.Locator(".opblock.opblock-patch").Filter(new LocatorFilterOptions
        {
            Has = page.Locator(".opblock-summary-path[data-path='/api/v1/cooperatives/{id}']"),
        });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        await operation.Locator("tr[data-param-name='id'] input").FillAsync(id);
        await operation.Locator("tr[data-param-name='If-Match'] input").FillAsync(etag);
        var body = await operation.Locator("textarea.body-param__text").InputValueAsync();
        await operation.Locator("button.execute").ClickAsync();

        var responseBody = operation.Locator(".live-responses-table .response-col_description pre").First;
        await responseBody.WaitForAsync();
        var text = await responseBody.InnerTextAsync();
        var status = await operation.Locator(".live-responses-table .response .response-col_status").First.InnerTextAsync();

        Assert.Contains("\"memberCount\": 42", body, StringComparison.Ordinal);
        Assert.True(status.Trim() == "200", $"{status}: {text}");
        Assert.Equal(42, System.Text.Json.Nodes.JsonNode.Parse(text)!["memberCount"]!.GetValue<int>());
    }
}
