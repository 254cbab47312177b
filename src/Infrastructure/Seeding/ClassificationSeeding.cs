using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoopApi.Application.ClassificationSchemes.Commands.CreateClassificationScheme;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Cooperatives;
using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// The scheme versions that ship with the API, as data files (<c>Seeding/Schemes/*.json</c>, embedded):
/// each file is exactly the body an admin would <c>POST /api/v1/classification-schemes</c>.
/// </summary>
public static class DefaultSchemes
{
    /// <summary>Code of the scheme of Circular 01/2020/TT-BKHĐT.</summary>
    public const string Circular01Of2020 = "circular-01-2020";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The JSON of a shipped scheme (the POST body that defines it).</summary>
    public static string JsonOf(string code)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CoopApi.Schemes.{code}.json")
            ?? throw new InvalidOperationException($"No shipped scheme '{code}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Codes of every shipped scheme.</summary>
    public static IReadOnlyList<string> Codes { get; } = [Circular01Of2020];

    /// <summary>A shipped scheme as the command that defines it.</summary>
    public static CreateClassificationSchemeCommand CommandOf(string code) =>
        JsonSerializer.Deserialize<CreateClassificationSchemeCommand>(JsonOf(code), Json)
        ?? throw new InvalidOperationException($"Scheme '{code}' is empty.");

    /// <summary>A shipped scheme as the domain defines it (validated by the same rules as a POST); <paramref name="now"/> is its creation instant.</summary>
    public static ClassificationScheme Define(string code, DateTimeOffset now)
    {
        var c = CommandOf(code);
        return ClassificationScheme.Define(c.Code!, c.Title!, c.Regulation!, c.ValidFrom!.Value, c.ValidTo, c.AppliesToKinds!,
            c.ExcludedSectors ?? [], new RatingBands(c.Bands!.Good, c.Bands.Fair, c.Bands.Average),
            c.Groups!.Select(g => new CriteriaGroup(g!.Code!, g.NameEn!, g.NameVi!,
                g.Criteria!.Select(x => new Criterion(x!.Code!, x.NameEn!, x.NameVi!, x.MaxPoints!.Value)).ToList())).ToList(), now);
    }
}

/// <summary>
/// Adds every shipped scheme version that the database lacks (on every start, idempotent; under an
/// advisory lock, so instances starting together add each once). A scheme already present is never
/// touched: versions do not change.
/// </summary>
internal sealed class ClassificationSchemeSeeder(CoopDbContext db, IVietnamCalendar calendar, ILogger<ClassificationSchemeSeeder> logger)
{
    public async Task LoadAsync(CancellationToken ct)
    {
        var present = await db.Set<ClassificationScheme>().AsNoTracking().Select(s => s.Code).ToListAsync(ct);
        if (DefaultSchemes.Codes.All(present.Contains))
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var added = await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4242010)", token);
            var existing = await db.Set<ClassificationScheme>().Select(s => s.Code).ToListAsync(token);
            var missing = DefaultSchemes.Codes.Where(c => !existing.Contains(c)).ToList();
            foreach (var code in missing)
            {
                db.Set<ClassificationScheme>().Add(DefaultSchemes.Define(code, calendar.Now));
            }

            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            db.ChangeTracker.Clear();
            return missing.Count;
        }, ct);
        if (added > 0)
        {
            logger.LogInformation("Added {Count} classification scheme(s)", added);
        }
    }
}

/// <summary>
/// Demo assessments of the demo province (Bắc Ninh, 24) for 2020–2025, through the domain's own rules:
/// cooperatives and unions are scored each year (people's credit funds and organizations founded
/// during the year come out not rated, as the rules say), and the shares move from below the 2025
/// targets of the Lạng Sơn letter of 11 June 2019 (fair or better &gt; 45 %, weak &lt; 10 %) in 2020 to
/// above them in 2025. Deterministic: each organization's standing comes from its registration code.
/// Loaded once, in one transaction with its <c>seed_history</c> row.
/// </summary>
internal sealed class ClassificationDemoSeeder(CoopDbContext db, IVietnamCalendar calendar, ILogger<ClassificationDemoSeeder> logger)
{
    public const string SeedName = "demo-classifications-v1";

    /// <summary>Classifications saved at once.</summary>
    private const int BatchSize = 100;

    /// <summary>First and last demo year.</summary>
    public const int FirstYear = 2020, LastYear = 2025;

    /// <summary>Per year from 2020: share of good, of fair, and of weak among the rated (the rest average).</summary>
    internal static readonly (double Good, double Fair, double Weak)[] Targets =
    [
        (0.08, 0.27, 0.19), // 2020: fair or better 35 %, weak 19 %
        (0.09, 0.29, 0.17),
        (0.10, 0.31, 0.15),
        (0.11, 0.33, 0.13),
        (0.12, 0.35, 0.11),
        (0.14, 0.38, 0.08), // 2025: fair or better 52 %, weak 8 %
    ];

    public async Task LoadAsync(CancellationToken ct)
    {
        var loaded = 0;
        if (await SeedOnce.LoadAsync(db, SeedName, calendar.Now, async token =>
            {
                var scheme = await db.Set<ClassificationScheme>().AsNoTracking().FirstAsync(s => s.Code == DefaultSchemes.Circular01Of2020, token);
                var organizations = await db.Cooperatives.AsNoTracking()
                    .Where(c => c.ProvinceCode == DemoDataSeeder.DemoProvinceCode && c.Kind != OrganizationKind.CooperativeGroup)
                    .OrderBy(c => c.RegistrationCode)
                    .ToListAsync(token);
                var ids = organizations.Select(o => o.Id).ToList();
                var histories = (await db.StatusChanges.AsNoTracking().Where(s => ids.Contains(s.CooperativeId))
                        .OrderBy(s => s.CooperativeId).ThenBy(s => s.Sequence)
                        .Select(s => new { s.CooperativeId, s.EffectiveOn, s.ToStatus }).ToListAsync(token))
                    .ToLookup(s => s.CooperativeId, s => new StatusPeriod(s.EffectiveOn, s.ToStatus));

                var count = 0;
                var pending = 0;
                var lastYear = Math.Min(LastYear, calendar.Today.Year);
                foreach (var organization in organizations)
                {
                    // Saved in batches within the one transaction, so the change tracker (and the
                    // snapshot comparison of every save) stays small.
                    if (pending >= BatchSize)
                    {
                        await db.SaveChangesAsync(token);
                        db.ChangeTracker.Clear();
                        pending = 0;
                    }

                    var standing = Standing(organization.RegistrationCode ?? organization.Name);
                    var facts = new OrganizationFacts(organization.Kind, organization.Sector, organization.EstablishedOn, histories[organization.Id].ToList());
                    var snapshot = new OrganizationSnapshot(organization.ProvinceCode, organization.CommuneCode, organization.Kind, organization.Sector);
                    for (var year = FirstYear; year <= lastYear; year++)
                    {
                        if (organization.EstablishedOn.Year > year)
                        {
                            continue; // did not exist yet
                        }

                        var notRated = ClassificationRules.NotRatedReasonFor(scheme, facts, year) is not null;
                        var scores = notRated ? [] : ScoresFor(scheme, TotalFor(standing, year - FirstYear));
                        var assessedOn = new DateOnly(year, 12, 10);
                        var assessment = Assessment.Assess(scheme, facts, year, scores, assessedOn, "Hội đồng đánh giá cấp xã (demo)", null);
                        db.Set<Classification>().Add(Classification.Record(organization.Id, snapshot, assessment, calendar.Now));
                        count++;
                        pending++;
                    }
                }
                loaded = count;
                return count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }, ct))
        {
            logger.LogInformation("Loaded {Count} demo classifications", loaded);
        }
    }

    /// <summary>A stable standing in [0, 1) from a text (FNV-1a): 0 is the strongest organization.</summary>
    internal static double Standing(string key)
    {
        var hash = 2166136261u;
        foreach (var ch in key)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (hash % 100_000u) / 100_000.0;
    }

    /// <summary>
    /// The total an organization of <paramref name="standing"/> scores in the year: its band from the
    /// year's targets, and a place in the band from its standing, kept two points away from the edges.
    /// </summary>
    internal static decimal TotalFor(double standing, int yearIndex)
    {
        var (good, fair, weak) = Targets[yearIndex];
        double Place(double from, double to) => (standing - from) / (to - from);
        var (low, high, place) = standing < good ? (82.0, 96.0, Place(0, good))
            : standing < good + fair ? (67.0, 78.0, Place(good, good + fair))
            : standing < 1 - weak ? (52.0, 63.0, Place(good + fair, 1 - weak))
            : (30.0, 48.0, Place(1 - weak, 1));
        return Math.Round((decimal)(high - (high - low) * place), 1);
    }

    /// <summary>Points per criterion in proportion to its maximum (truncated to the hundredth, so the sum is at most 0.15 below the total).</summary>
    internal static List<(string? Criterion, decimal? Points)> ScoresFor(ClassificationScheme scheme, decimal total) =>
        scheme.Criteria.Select(c => ((string?)c.Code, (decimal?)Math.Round(c.MaxPoints * total / scheme.TotalPoints, 2, MidpointRounding.ToZero))).ToList();
}
