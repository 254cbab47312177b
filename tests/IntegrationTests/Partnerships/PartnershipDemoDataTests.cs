using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.Partnerships.PartnershipApi;

namespace CoopApi.IntegrationTests.Partnerships;

/// <summary>The demo data holds the two Bắc Giang programmes of the sources, with their reviews.</summary>
[Collection(ApiCollection.Name)]
public sealed class PartnershipDemoDataTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Fact]
    public async Task The_Youth_Union_programme_2023_2025_signed_on_9_March_2023_has_six_content_areas_and_its_two_commitments()
    {
        var programme = await FindAsync("youthUnion", "2023");
        Assert.Equal("2023-03-09", (string?)programme["signedOn"]);
        Assert.Equal(2025, (int)programme["periodEndYear"]!);
        Assert.Equal(6, programme["contentAreas"]!.AsArray().Count);
        Assert.Equal(["20-NQ/TW", "38-CT/TU", "641/KH-UBND"], programme["policyReferences"]!.AsArray().Select(p => (string)p!["number"]!));
        var commitments = programme["commitments"]!.AsArray();
        Assert.Contains(commitments, c => (string?)c!["targetKind"] == "perYear" && (decimal)c["target"]! == 1m);
        Assert.Contains(commitments, c => (string?)c!["registerMeasure"] == "youthCooperativesEstablished" && (decimal)c["target"]! == 6m);
        Assert.Equal("completed", (string?)programme["status"]);
        Assert.Equal([2023, 2024, 2025], programme["reviews"]!.AsArray().Select(r => (int)r!["year"]!));

        var progress = await _client.GetJsonAsync($"{Agreement(Id(programme))}/progress");
        var training = progress["commitments"]!.AsArray().Single(c => (string?)c!["targetKind"] == "perYear")!;
        Assert.Equal("achieved", (string?)training["state"]);
    }

    [Fact]
    public async Task The_science_and_technology_programme_2022_2025_signed_on_22_August_2022_has_its_four_commitments()
    {
        var programme = await FindAsync("scienceTechnologyUnion", "2022");
        Assert.Equal("2022-08-22", (string?)programme["signedOn"]);
        Assert.Equal(4, programme["commitments"]!.AsArray().Count);
        Assert.Equal(["Nguyễn Đức Hiền", "Trương Quang Hải"], programme["signatories"]!.AsArray().Select(s => (string)s!["fullName"]!));
        Assert.Equal("completed", (string?)programme["status"]);
        var progress = await _client.GetJsonAsync($"{Agreement(Id(programme))}/progress");
        Assert.Equal(4, progress["commitments"]!.AsArray().Count);
        Assert.Equal(75m, (decimal)progress["shareAchievedOrOnTrack"]!); // the workshop of 2025 was not held
    }

    private async Task<System.Text.Json.Nodes.JsonNode> FindAsync(string partyKind, string startYear)
    {
        var page = await _client.GetJsonAsync($"{Agreements}?provinceCode=24&partyKind={partyKind}&q=Bắc Giang&pageSize=200");
        return page["items"]!.AsArray().Single(a => (string?)a!["signedOn"] is { } s && s.StartsWith(startYear, StringComparison.Ordinal)
            && (string?)a["title"] is { } t && t.Contains("Bắc Giang", StringComparison.Ordinal) && a["reviews"]!.AsArray().Count > 0)!;
    }
}
