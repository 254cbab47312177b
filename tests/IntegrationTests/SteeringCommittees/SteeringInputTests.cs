using System.Net;
using System.Text.Json.Nodes;
using CoopApi.IntegrationTests.Support;
using static CoopApi.IntegrationTests.SteeringCommittees.SteeringApi;

namespace CoopApi.IntegrationTests.SteeringCommittees;

/// <summary>Malformed input to the steering endpoints gets 400 naming the field, never a 5xx, and writes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class SteeringInputTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateAdminClient();

    [Theory]
    [InlineData("name", "\"Ban\\u0000\"")]
    [InlineData("name", "\"   \"")]
    [InlineData("level", "null")]
    [InlineData("level", "\"county\"")]
    [InlineData("areaCode", "\"\"")]
    [InlineData("areaCode", "\"2\\u00000\"")]
    [InlineData("establishedOn", "\"1944-12-31\"")]
    [InlineData("establishedOn", "null")]
    [InlineData("foundingDecision", "{}")]
    [InlineData("foundingDecision", "{\"issuer\":\"UBND\"}")]
    [InlineData("standingAgency", "null")]
    [InlineData("unknown", "1")]
    public async Task A_malformed_committee_is_refused_with_400(string field, string json)
    {
        var body = NewCommittee();
        body[field] = JsonNode.Parse(json);
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Post, Committees, body).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Theory]
    [InlineData("kind", "null")]
    [InlineData("title", "\"\"")]
    [InlineData("startDate", "null")]
    [InlineData("startDate", "\"2999-01-01\"")]
    [InlineData("endDate", "\"2022-11-23\"")]
    [InlineData("attendeeCount", "-1")]
    [InlineData("topics", "[null]")]
    [InlineData("topics", "[\" \"]")]
    [InlineData("participatingBodies", "[\"\\u0000\"]")]
    [InlineData("visitedOrganizationIds", "[\"not-a-guid\"]")]
    [InlineData("documents", "[null]")]
    [InlineData("documents", "[{}]")]
    [InlineData("documents", "[{\"number\":\"1\",\"date\":\"2999-01-01\"}]")]
    public async Task A_malformed_activity_is_refused_with_400(string field, string json)
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        var body = NewActivity();
        body[field] = JsonNode.Parse(json);
        var before = await fixture.RowCountsAsync();
        await _client.SendAsync(HttpMethod.Post, ActivitiesOf(committee), body).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Theory]
    [InlineData("year=abc")]
    [InlineData("year=1944")]
    [InlineData("year=2022&areaCode=1234")]
    [InlineData("year=2022&year=2023")]
    [InlineData("year=2022&province=20")]
    public async Task Malformed_statistics_parameters_get_400(string query) =>
        await _client.SendAsync(HttpMethod.Get, $"{Statistics}?{query}").ExpectAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_term_end_before_its_start_or_a_missing_role_gets_400()
    {
        var committee = Id(await _client.CreateCommitteeAsync());
        var member = await _client.SendAsync(HttpMethod.Post, Members(committee), NewMember("Ma Văn Đầu", "member", "2020-01-01")).ExpectAsync(HttpStatusCode.Created);
        var current = await _client.GetNodeAsync(Committee(committee));
        await _client.SendAsync(HttpMethod.Post, $"{Members(committee)}/{Id(member)}/end", new JsonObject { ["to"] = "2019-12-31" }, ETag(current))
            .ExpectFieldErrorAsync("to");
        var noRole = NewMember("Ma Văn Hai");
        noRole["role"] = null;
        await _client.SendAsync(HttpMethod.Post, Members(committee), noRole).ExpectFieldErrorAsync("role");
        await _client.SendAsync(HttpMethod.Post, $"{Members(committee)}/{Guid.CreateVersion7()}/end", new JsonObject { ["to"] = "2024-01-01" }, ETag(current))
            .ExpectAsync(HttpStatusCode.NotFound);
    }
}
