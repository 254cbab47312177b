using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Cooperatives;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Rules;

/// <summary>
/// The domain's rules as a client meets them: one rule for text (free text trimmed, codes exact,
/// no NUL anywhere), dissolved is final, and filters name current units as writes must.
/// </summary>
[Collection(ApiCollection.Name)]
public class RulesThroughTheApiTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient("en");

    [Theory]
    [InlineData("4900123456\n")]
    [InlineData(" 4900123456")]
    [InlineData("4900123456 ")]
    public async Task Create_WithRegistrationCodeThatIsNotExactly10Digits_Returns400(string padded)
    {
        var body = TestData.NewCooperative();
        body["registrationCode"] = padded;

        var response = await fixture.SendRejectedAsync(() => _client.PostAsJsonAsync(Route, body));

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "registrationCode");
        Assert.Contains(messages, m => m.Contains("exactly 10 digits", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("address")]
    [InlineData("representative")]
    [InlineData("email")]
    public async Task Create_WithNulCharacterInText_Returns400NamingTheField(string field)
    {
        var body = TestData.NewCooperative();
        body[field] = "htx\u0000@example.vn";

        var response = await fixture.SendRejectedAsync(() => _client.PostAsJsonAsync(Route, body));

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task Create_WithNulCharacterInAMainProduct_Returns400NamingIt()
    {
        var body = TestData.NewCooperative();
        body["mainProducts"] = new JsonArray("Na", "Hồi\u0000");

        var response = await fixture.SendRejectedAsync(() => _client.PostAsJsonAsync(Route, body));

        await ProblemAssert.HasFieldErrorAsync(response, "mainProducts[1]");
    }

    [Fact]
    public async Task ChangeStatus_WithNulCharacterInTheReason_Returns400NamingIt()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await fixture.SendRejectedAsync(() =>
            TestData.ChangeStatusAsync(_client, (string)created["id"]!, "suspended", reason: "Quyết định\u0000"));

        await ProblemAssert.HasFieldErrorAsync(response, "reason");
    }

    [Fact]
    public async Task Create_WithNameOf255CharactersAndSurroundingSpaces_StoresItTrimmed()
    {
        var name = new string('H', 255);
        var body = TestData.NewCooperative();
        body["name"] = "  " + name + " ";

        var created = await TestData.CreateAsync(_client, body);

        Assert.Equal(name, (string)created["name"]!);
    }

    [Theory]
    [InlineData("name", "Hợp tác xã đổi tên")]
    [InlineData("kind", "cooperativeUnion")]
    public async Task Update_OfADissolvedOrganization_Returns409_AndChangesNothing(string field, string value)
    {
        var dissolved = await CreateInStatusAsync(_client, "dissolved");
        var body = UpdateBodyFrom(dissolved);
        body[field] = value;

        var response = await fixture.SendRejectedAsync(() => _client.PutJsonAsync(Id(dissolved), body));

        var problem = await ProblemAssert.IsConflictAsync(response, "cooperative.dissolved");
        Assert.Contains("dissolved", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilteredByAPreReformProvinceCode_Returns400SayingWhatItBecame()
    {
        var response = await _client.GetAsync($"{Route}?provinceCode=27");

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "provinceCode");
        Assert.Contains(messages, m => m.Contains("since 1 July 2025 it is part of province 24", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("provinceCode=99")]
    [InlineData("communeCode=99999")]
    public async Task List_FilteredByAnUnknownUnit_Returns400(string query)
    {
        var response = await _client.GetAsync($"{Route}?{query}");

        await ProblemAssert.HasErrorsAsync(response);
    }

    [Fact]
    public async Task ChangeStatus_SeveralTimes_AppendsWithoutTheHistoryLoaded()
    {
        var created = await TestData.CreateAsync(_client);
        var id = (string)created["id"]!;

        foreach (var (status, on) in new[] { ("suspended", "2019-01-01"), ("active", "2019-06-01"), ("awaitingDissolution", "2020-01-01") })
        {
            Assert.Equal(HttpStatusCode.OK, (await TestData.ChangeStatusAsync(_client, id, status, on)).StatusCode);
        }

        Assert.Equal(["active", "suspended", "active", "awaitingDissolution"],
            (await _client.GetHistoryAsync(id)).Select(h => (string)h!["toStatus"]!).ToArray());
        Assert.Equal("3|2020-01-01", await fixture.ScalarAsync<string>(
            "SELECT last_sequence || '|' || status_since FROM cooperatives WHERE id = $1", Guid.Parse(id)));
    }
}
