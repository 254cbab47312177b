using Microsoft.Playwright;

namespace CoopApi.IntegrationTests.Browser;

/// <summary>What a person does in Swagger UI before trying an operation: Authorize with a credential.</summary>
internal static class SwaggerUi
{
    /// <summary>Clicks Authorize, pastes <paramref name="apiKey"/> under apiKey (X-Api-Key), confirms and closes the dialog.</summary>
    public static async Task AuthorizeWithApiKeyAsync(IPage page, string apiKey)
    {
        await page.Locator(".scheme-container button.authorize").ClickAsync();
        var box = page.Locator(".auth-container").Filter(new LocatorFilterOptions { HasText = "X-Api-Key" });
        await box.Locator("input").FillAsync(apiKey);
        await box.Locator("button.authorize").ClickAsync();
        await page.Locator(".modal-ux .close-modal").ClickAsync();
    }

    /// <summary>Clicks Authorize, pastes <paramref name="token"/> under bearer, confirms and closes the dialog.</summary>
    public static async Task AuthorizeWithBearerTokenAsync(IPage page, string token)
    {
        await page.Locator(".scheme-container button.authorize").ClickAsync();
        var box = page.Locator(".auth-container").Filter(new LocatorFilterOptions { HasText = "bearer" });
        await box.Locator("input").FillAsync(token);
        await box.Locator("button.authorize").ClickAsync();
        await page.Locator(".modal-ux .close-modal").ClickAsync();
    }
}
