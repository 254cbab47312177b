using System.Text.Json;
using CoopApi.Application.AdministrativeUnits;
using CoopApi.Application.AdministrativeUnits.Queries;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Common.Search;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Cooperatives.Queries;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Domain.Cooperatives;
using CoopApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.IntegrationTests.ReadSide;

/// <summary>
/// The SQL read side answers exactly what the EF Core queries it replaced answered, to the JSON
/// byte, on the demo register: the EF queries are kept here, as they were, as the reference.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadSideMatchesEfTests(ApiFixture fixture)
{
    private static string JsonOf<T>(T value) => JsonSerializer.Serialize(value, Json.Options);

    public static TheoryData<string> ListQueries => new()
    {
        "",
        "pageSize=200&page=3",
        "page=1000",
        "provinceCode=24&status=suspended,awaitingDissolution&sort=-charterCapital&pageSize=50",
        "kind=cooperativeGroup,cooperativeUnion&sort=memberCount&pageSize=200",
        "sector=credit,other&status=active&sort=establishedOn&pageSize=100&page=2",
        "q=dong&sort=-name&pageSize=100",
        "q=hop tac xa&sort=-memberCount&pageSize=50&page=4",
        "q=HỢP TÁC&provinceCode=24&sort=createdAt",
        "q=100% a_b c\\d",
        "isYouthCooperative=true&sort=-createdAt&pageSize=200",
        "establishedFrom=2015-01-01&establishedTo=2019-12-31&sort=-establishedOn&pageSize=200",
        "communeCode=06427",
        "provinceCode=24&status=active&sort=-charterCapital&pageSize=20",
        "sort=name&pageSize=200&page=2",
        "sort=charterCapital&pageSize=200",
        "status=dissolved",
    };

    [Theory]
    [MemberData(nameof(ListQueries))]
    public async Task List_ReturnsWhatEfReturned(string parameters)
    {
        var query = Parse(parameters);
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var reads = scope.ServiceProvider.GetRequiredService<ICooperativeReadModel>();

        var expected = await EfList(db, query);
        var actual = await reads.ListAsync(query, CancellationToken.None);

        // The test database is small: the whole register is counted too.
        Assert.Equal(TotalCountKind.Exact, actual.TotalCountKind);
        Assert.Equal(JsonOf(expected), JsonOf(new PagedList<CooperativeDto>(actual.Items, actual.Page!.Value, actual.PageSize, actual.TotalCount)));
    }

    [Fact]
    public async Task List_OfTheDemoProvince_IsNotTrivial()
    {
        using var scope = fixture.Services.CreateScope();
        var reads = scope.ServiceProvider.GetRequiredService<ICooperativeReadModel>();

        var page = await reads.ListAsync(Parse("provinceCode=24&status=suspended,awaitingDissolution&pageSize=200"), CancellationToken.None);

        // The seed article's figures: 28 suspended and 39 awaiting dissolution in Bắc Giang.
        Assert.True(page.TotalCount >= 67, $"{page.TotalCount} found");
        Assert.Equal(Math.Min(page.TotalCount, 200), page.Items.Count);
    }

    [Fact]
    public async Task GetById_And_History_ReturnWhatEfReturned_ForEveryDemoRecordWithAHistory()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var reads = scope.ServiceProvider.GetRequiredService<ICooperativeReadModel>();
        // Records with changes after the registration, and as many plain ones.
        var changed = await db.Cooperatives.AsNoTracking().Where(c => c.Status != OrganizationStatus.Active)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(40).ToListAsync();
        var plain = await db.Cooperatives.AsNoTracking().Where(c => c.Status == OrganizationStatus.Active)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(40).ToListAsync();
        Assert.NotEmpty(changed);

        foreach (var id in changed.Concat(plain))
        {
            var expected = await db.Cooperatives.AsNoTracking().Where(c => c.Id == id).ProjectToDto().FirstAsync();
            var expectedHistory = await db.StatusChanges.AsNoTracking().Where(s => s.CooperativeId == id)
                .OrderBy(s => s.Sequence).ProjectToDto().ToListAsync();

            Assert.Equal(JsonOf(expected), JsonOf(await reads.FindAsync(id, CancellationToken.None)));
            Assert.Equal(JsonOf(expectedHistory), JsonOf(await reads.GetStatusHistoryAsync(id, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task UnknownId_IsNull_ForTheRecordAndItsHistory()
    {
        using var scope = fixture.Services.CreateScope();
        var reads = scope.ServiceProvider.GetRequiredService<ICooperativeReadModel>();
        var id = Guid.CreateVersion7();

        Assert.Null(await reads.FindAsync(id, CancellationToken.None));
        Assert.Null(await reads.GetStatusHistoryAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task AdministrativeUnits_ReturnWhatEfReturned()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var reads = scope.ServiceProvider.GetRequiredService<IAdministrativeUnitReadModel>();

        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ProvinceDto { Code = p.Code, Name = p.Name, Kind = p.Kind, CommuneCount = db.Communes.Count(c => c.ProvinceCode == p.Code) })
            .ToListAsync();
        Assert.Equal(JsonOf(provinces), JsonOf(await reads.ListProvincesAsync(CancellationToken.None)));

        foreach (var province in new[] { "01", "24", "79" })
        {
            var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == province).OrderBy(c => c.Code)
                .Select(c => new CommuneDto { Code = c.Code, Name = c.Name, Kind = c.Kind, ProvinceCode = c.ProvinceCode })
                .ToListAsync();
            Assert.NotEmpty(communes);
            Assert.Equal(JsonOf(communes), JsonOf(await reads.ListCommunesAsync(province, CancellationToken.None)));
        }

        Assert.Null(await reads.ListCommunesAsync("99", CancellationToken.None));
        var merged = await db.CommuneMerges.AsNoTracking().OrderBy(m => m.OldCode).Select(m => m.OldCode).FirstAsync();
        var lookup = await reads.LookupPreReformCommuneAsync(merged, CancellationToken.None);
        Assert.NotNull(lookup);
        Assert.Equal(merged, lookup.Code);
        Assert.NotEmpty(lookup.Current);
    }

    /// <summary>"a=1&amp;b=x,y" → a list query; comma-separated values for the multi-value filters.</summary>
    private static ListCooperativesQuery Parse(string parameters)
    {
        var query = new ListCooperativesQuery();
        foreach (var pair in parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            switch (key)
            {
                case "kind": query.Kind = value.Split(',').Select(v => Enum.Parse<OrganizationKind>(v, ignoreCase: true)).ToList(); break;
                case "sector": query.Sector = value.Split(',').Select(v => Enum.Parse<Sector>(v, ignoreCase: true)).ToList(); break;
                case "status": query.Status = value.Split(',').Select(v => Enum.Parse<OrganizationStatus>(v, ignoreCase: true)).ToList(); break;
                case "provinceCode": query.ProvinceCode = value; break;
                case "communeCode": query.CommuneCode = value; break;
                case "isYouthCooperative": query.IsYouthCooperative = bool.Parse(value); break;
                case "establishedFrom": query.EstablishedFrom = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "establishedTo": query.EstablishedTo = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "q": query.Q = value; break;
                case "sort": query.Sort = value; break;
                case "page": query.Page = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "pageSize": query.PageSize = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown parameter {key}", nameof(parameters));
            }
        }

        Assert.True(new ListCooperativesQueryValidator(new CoopApi.Infrastructure.ReferenceData.AdministrativeUnitsLookup()).Validate(query).IsValid, parameters);
        return query;
    }

    // ---- the EF Core list query the read side replaced, unchanged -------------------------------

    private static async Task<PagedList<CooperativeDto>> EfList(IApplicationDbContext db, ListCooperativesQuery request)
    {
        var query = Filter(db.Cooperatives.AsNoTracking(), request);
        var total = await query.CountAsync();
        var items = total <= (request.Page - 1) * request.PageSize
            ? []
            : await Sort(query, request.Sort)
                .Skip((request.Page - 1) * request.PageSize)
                .Take(request.PageSize)
                .ProjectToDto()
                .ToListAsync();
        return new PagedList<CooperativeDto>(items, request.Page, request.PageSize, total);
    }

    private static IQueryable<Cooperative> Filter(IQueryable<Cooperative> query, ListCooperativesQuery r)
    {
        if (r.Kind.Count > 0) query = query.Where(c => r.Kind.Contains(c.Kind));
        if (r.Sector.Count > 0) query = query.Where(c => r.Sector.Contains(c.Sector));
        if (r.Status.Count > 0) query = query.Where(c => r.Status.Contains(c.Status));
        if (r.ProvinceCode is { } province) query = query.Where(c => c.ProvinceCode == province);
        if (r.CommuneCode is { } commune) query = query.Where(c => c.CommuneCode == commune);
        if (r.IsYouthCooperative is { } youth) query = query.Where(c => c.IsYouthCooperative == youth);
        if (r.EstablishedFrom is { } from) query = query.Where(c => c.EstablishedOn >= from);
        if (r.EstablishedTo is { } to) query = query.Where(c => c.EstablishedOn <= to);
        if (!string.IsNullOrWhiteSpace(r.Q))
        {
            foreach (var term in SearchFunctions.LikeTerms(r.Q))
            {
                var pattern = term;
                query = query.Where(c => EF.Functions.Like(
                    EF.Property<string>(c, SearchFunctions.SearchTextColumn),
                    "%" + SearchFunctions.Fold(pattern) + "%",
                    "\\"));
            }
        }

        return query;
    }

    private static IOrderedQueryable<Cooperative> Sort(IQueryable<Cooperative> query, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = descending ? sort![1..] : sort ?? "name";
        var ordered = (key, descending) switch
        {
            ("establishedOn", false) => query.OrderBy(c => c.EstablishedOn),
            ("establishedOn", true) => query.OrderByDescending(c => c.EstablishedOn),
            ("charterCapital", false) => query.OrderBy(c => c.CharterCapital),
            ("charterCapital", true) => query.OrderByDescending(c => c.CharterCapital),
            ("memberCount", false) => query.OrderBy(c => c.MemberCount),
            ("memberCount", true) => query.OrderByDescending(c => c.MemberCount),
            ("createdAt", false) => query.OrderBy(c => c.CreatedAt),
            ("createdAt", true) => query.OrderByDescending(c => c.CreatedAt),
            (_, true) => query.OrderByDescending(c => c.Name),
            _ => query.OrderBy(c => c.Name),
        };
        return descending ? ordered.ThenByDescending(c => c.Id) : ordered.ThenBy(c => c.Id);
    }
}
