using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Rules;

/// <summary>
/// <c>q</c> treats the register's usual abbreviations as the words they stand for, on both sides
/// (a stored "HTX" and a typed "hợp tác xã" find each other), and finds an organization by the
/// name of its commune. Each test finds its own record through a word no other record has.
/// </summary>
[Collection(ApiCollection.Name)]
public class SearchTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient("en");

    [Theory]
    [InlineData("HTX Nấm Hương", "hợp tác xã nấm")]
    [InlineData("Hợp tác xã Nấm Hương", "htx nam")]
    [InlineData("Hợp tác xã Nấm Hương", "HTX")]
    [InlineData("Tổ hợp tác Mây tre", "THT may")]
    [InlineData("THT Mây tre", "to hop tac")]
    [InlineData("Liên hiệp hợp tác xã Vận tải", "LH HTX van tai")]
    [InlineData("Liên hiệp hợp tác xã Vận tải", "LHHTX")]
    [InlineData("LHHTX Vận tải", "liên hiệp hợp tác xã")]
    [InlineData("LH HTX Vận tải", "lhhtx")]
    [InlineData("Quỹ tín dụng nhân dân Yên Sơn", "QTDND yen son")]
    [InlineData("QTDND Yên Sơn", "quỹ tín dụng nhân dân")]
    public async Task Search_ByAnAbbreviationOrWhatItStandsFor_FindsTheOrganization(string name, string query)
    {
        var token = TestData.UniqueToken();
        var created = await TestData.CreateAsync(_client, TestData.NewCooperative($"{name} {token}"));

        Assert.Equal([Id(created)], await FindAsync($"{query} {token}"));
    }

    [Fact]
    public async Task Search_ByTheCommuneName_FindsTheOrganizationsOfThatCommune()
    {
        var token = TestData.UniqueToken();
        var body = TestData.NewCooperative($"Hợp tác xã chè {token}");
        body["communeCode"] = "06415"; // Xã Vân Nham, Lạng Sơn
        var created = await TestData.CreateAsync(_client, body);

        Assert.Equal([Id(created)], await FindAsync($"van nham {token}"));
        Assert.Empty(await FindAsync($"cai kinh {token}"));
    }

    [Fact]
    public async Task Search_AfterMovingToAnotherCommune_FindsItByTheNewCommuneOnly()
    {
        var token = TestData.UniqueToken();
        var created = await TestData.CreateAsync(_client, TestData.NewCooperative($"Hợp tác xã chè {token}"));
        var body = UpdateBodyFrom(created);
        body["communeCode"] = "06415";

        Assert.True((await _client.PutJsonAsync(Id(created), body)).IsSuccessStatusCode);

        Assert.Equal([Id(created)], await FindAsync($"vân nham {token}"));
        Assert.Empty(await FindAsync($"cai kinh {token}"));
    }

    private async Task<string[]> FindAsync(string q)
    {
        var page = await _client.ListAsync($"q={Uri.EscapeDataString(q)}&pageSize=200");
        return page["items"]!.AsArray().Select(i => (string)i!["id"]!).ToArray();
    }
}
