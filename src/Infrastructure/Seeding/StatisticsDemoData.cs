// System.Random is used on purpose: demo data needs reproducibility from a fixed seed, not
// security. Nothing generated here is a secret or a token.
#pragma warning disable CA5394

using System.Globalization;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using CoopApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// Loads the demo register of Lạng Sơn (province 20) for the statistics, once
/// (<see cref="StatisticsDemoData"/>).
/// </summary>
internal sealed class StatisticsDemoDataSeeder(CoopDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ILogger<StatisticsDemoDataSeeder> logger)
{
    public const string SeedName = "demo-statistics-langson-v1";

    public async Task LoadAsync(CancellationToken ct)
    {
        var count = 0;
        if (await SeedOnce.LoadAsync(db, SeedName, calendar.Now, async token =>
            {
                var communes = await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == DemoData.LangSonProvinceCode)
                    .OrderBy(c => c.Code).Select(c => new DemoCommune(c.Code, c.Name)).ToListAsync(token);
                var baseline = StatisticsDemoData.Baseline;
                // Organizations of the province already in the register on the baseline date (the two
                // cooperatives of the first demo seed): the new ones complete them to the article's figures.
                var existing = await db.Cooperatives.AsNoTracking()
                    .Where(c => c.ProvinceCode == DemoData.LangSonProvinceCode && c.EstablishedOn <= baseline
                        && (c.Status != OrganizationStatus.Dissolved || c.StatusSince > baseline))
                    .GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(token);
                var codes = await db.Cooperatives.AsNoTracking().Where(c => c.RegistrationCode != null && c.RegistrationCode.StartsWith("49"))
                    .Select(c => c.RegistrationCode!).ToListAsync(token);
                var organizations = StatisticsDemoData.Build(communes, existing.ToDictionary(e => e.Key, e => e.Count), codes.ToHashSet(StringComparer.Ordinal),
                    calendar.Today, calendar.Now, units);
                db.Cooperatives.AddRange(organizations);
                count = organizations.Count;
                return count.ToString(CultureInfo.InvariantCulture);
            }, ct))
        {
            logger.LogInformation("Loaded {Count} demo organizations of Lạng Sơn for the statistics", count);
        }
    }
}

/// <summary>
/// The demo register of Lạng Sơn behind the statistics (docs/domain.md, "Statistics"): the
/// provincial Cooperative Alliance counted 445 cooperatives, 192 cooperative groups and 1 union
/// on 22 January 2021 ("Lạng Sơn 2021"). <see cref="Build"/> makes the organizations that, with
/// those already in the register, give exactly these counts of organizations not dissolved on that
/// day (some of them suspended or awaiting dissolution then, and some older ones already
/// dissolved), then foundings, suspensions, revivals and dissolutions after it, each through the
/// domain with its status-history entry, so that today's figures differ and the 2021 figures
/// can only come back from the history.
/// </summary>
/// <remarks>Deterministic: one <see cref="Random"/> with a fixed seed, communes sorted by code.</remarks>
internal static class StatisticsDemoData
{
    /// <summary>The day of "Lạng Sơn 2021" (the 2020 review conference).</summary>
    public static readonly DateOnly Baseline = new(2021, 1, 22);

    /// <summary>Cooperatives not dissolved on <see cref="Baseline"/>.</summary>
    public const int CooperativesOnBaseline = 445;

    /// <summary>Cooperative groups not dissolved on <see cref="Baseline"/>.</summary>
    public const int GroupsOnBaseline = 192;

    /// <summary>Unions not dissolved on <see cref="Baseline"/>.</summary>
    public const int UnionsOnBaseline = 1;

    /// <summary>Cooperatives founded after the baseline (2021 to 2025).</summary>
    public const int CooperativesFoundedAfter = 96;

    /// <summary>Cooperative groups founded after the baseline.</summary>
    public const int GroupsFoundedAfter = 40;

    /// <summary>Unions founded after the baseline.</summary>
    public const int UnionsFoundedAfter = 1;

    /// <summary>Cooperatives of the baseline dissolved after it.</summary>
    public const int CooperativesDissolvedAfter = 38;

    /// <summary>Cooperative groups of the baseline dissolved after it.</summary>
    public const int GroupsDissolvedAfter = 24;

    private const int Seed = 20_210_122;

    private static readonly string[] AgricultureWords =
        ["nông nghiệp", "nông lâm nghiệp", "chăn nuôi", "trồng cây ăn quả", "trồng hồi", "trồng na", "chè", "dược liệu", "thủy sản", "lâm nghiệp"];

    private static readonly string[] OtherWords =
        ["thương mại dịch vụ", "vận tải", "xây dựng", "vệ sinh môi trường", "tiểu thủ công nghiệp", "dịch vụ tổng hợp", "du lịch cộng đồng"];

    /// <summary>The new organizations, not yet saved, in a stable order.</summary>
    /// <param name="communes">The communes of Lạng Sơn (code, name).</param>
    /// <param name="existing">Organizations of the province per kind already not dissolved on <see cref="Baseline"/>.</param>
    /// <param name="takenCodes">Registration codes already used with the prefix 49.</param>
    /// <param name="today">Today in Vietnam: nothing is dated later.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="units">The administrative map.</param>
    public static IReadOnlyList<Cooperative> Build(IReadOnlyList<DemoCommune> communes, IReadOnlyDictionary<OrganizationKind, int> existing,
        ISet<string> takenCodes, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(existing);
        if (communes.Count == 0)
        {
            throw new ArgumentException("The communes of Lạng Sơn are needed to place the demo organizations.", nameof(communes));
        }

        return new Generator(communes.OrderBy(c => c.Code, StringComparer.Ordinal).ToList(), takenCodes, today, now, units)
            .Run(existing);
    }

    private sealed class Generator(List<DemoCommune> communes, ISet<string> takenCodes, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
    {
        private readonly Random _rng = new(Seed);
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private int _serial = 2_100_000;
        private int _decision = 100;

        public List<Cooperative> Run(IReadOnlyDictionary<OrganizationKind, int> existing)
        {
            var result = new List<Cooperative>();
            var cooperatives = Math.Max(0, CooperativesOnBaseline - existing.GetValueOrDefault(OrganizationKind.Cooperative));
            var groups = Math.Max(0, GroupsOnBaseline - existing.GetValueOrDefault(OrganizationKind.CooperativeGroup));
            var unions = Math.Max(0, UnionsOnBaseline - existing.GetValueOrDefault(OrganizationKind.CooperativeUnion));

            // On the baseline: most active; 22 cooperatives and 6 groups suspended, 14 cooperatives
            // awaiting dissolution (all counted in the article's figures).
            var baselineCooperatives = Enumerable.Range(0, cooperatives)
                .Select(i => New(OrganizationKind.Cooperative, Date(new(1997, 1, 1), new(2020, 12, 31)))).ToList();
            var baselineGroups = Enumerable.Range(0, groups)
                .Select(i => New(OrganizationKind.CooperativeGroup, Date(new(2008, 1, 1), new(2020, 12, 31)))).ToList();
            var baselineUnions = Enumerable.Range(0, unions)
                .Select(i => New(OrganizationKind.CooperativeUnion, Date(new(2015, 1, 1), new(2019, 12, 31)))).ToList();
            for (var i = 0; i < 22 && i < baselineCooperatives.Count; i++)
            {
                Move(baselineCooperatives[i], OrganizationStatus.Suspended, new(2019, 1, 1), new(2020, 12, 31));
            }

            for (var i = 22; i < 36 && i < baselineCooperatives.Count; i++)
            {
                Move(baselineCooperatives[i], OrganizationStatus.AwaitingDissolution, new(2019, 6, 1), new(2021, 1, 15));
            }

            for (var i = 0; i < 6 && i < baselineGroups.Count; i++)
            {
                Move(baselineGroups[i], OrganizationStatus.Suspended, new(2019, 1, 1), new(2020, 12, 31));
            }

            // Already dissolved before the baseline: in the register, in no count of it.
            var dissolvedBefore = Enumerable.Range(0, 18)
                .Select(i => New(OrganizationKind.Cooperative, Date(new(1997, 1, 1), new(2012, 12, 31)))).ToList();
            foreach (var cooperative in dissolvedBefore)
            {
                Move(cooperative, OrganizationStatus.AwaitingDissolution, new(2016, 1, 1), new(2019, 12, 31));
                Move(cooperative, OrganizationStatus.Dissolved, new(2020, 1, 1), new(2020, 12, 31));
            }

            // After the baseline: the ones awaiting dissolution then are dissolved (10) or revived (4);
            // suspended ones resume; others are suspended; some are wound up.
            for (var i = 22; i < 36 && i < baselineCooperatives.Count; i++)
            {
                Move(baselineCooperatives[i], i < 32 ? OrganizationStatus.Dissolved : OrganizationStatus.Active, new(2021, 2, 1), new(2022, 12, 31));
            }

            for (var i = 0; i < 12 && i < baselineCooperatives.Count; i++)
            {
                Move(baselineCooperatives[i], OrganizationStatus.Active, new(2021, 3, 1), new(2023, 6, 30));
            }

            for (var i = 36; i < 64 && i < baselineCooperatives.Count; i++)
            {
                Move(baselineCooperatives[i], OrganizationStatus.Suspended, new(2021, 2, 1), new(2025, 6, 30));
            }

            var windUp = CooperativesDissolvedAfter - 10;
            for (var i = 64; i < 64 + windUp && i < baselineCooperatives.Count; i++)
            {
                Move(baselineCooperatives[i], OrganizationStatus.AwaitingDissolution, new(2021, 2, 1), new(2023, 12, 31));
                Move(baselineCooperatives[i], OrganizationStatus.Dissolved, new(2022, 1, 1), new(2025, 9, 30));
            }

            for (var i = 6; i < 6 + GroupsDissolvedAfter && i < baselineGroups.Count; i++)
            {
                Move(baselineGroups[i], OrganizationStatus.AwaitingDissolution, new(2021, 2, 1), new(2023, 12, 31));
                Move(baselineGroups[i], OrganizationStatus.Dissolved, new(2022, 1, 1), new(2025, 9, 30));
            }

            // Foundings after the baseline, a few suspended since.
            var foundedCooperatives = Enumerable.Range(0, CooperativesFoundedAfter)
                .Select(i => New(OrganizationKind.Cooperative, Date(new(2021, 1, 25), new(2025, 12, 31)))).ToList();
            var foundedGroups = Enumerable.Range(0, GroupsFoundedAfter)
                .Select(i => New(OrganizationKind.CooperativeGroup, Date(new(2021, 1, 25), new(2025, 12, 31)))).ToList();
            var foundedUnions = Enumerable.Range(0, UnionsFoundedAfter)
                .Select(i => New(OrganizationKind.CooperativeUnion, Date(new(2023, 1, 1), new(2023, 12, 31)))).ToList();
            foreach (var cooperative in foundedCooperatives.Take(5))
            {
                Move(cooperative, OrganizationStatus.Suspended, cooperative.EstablishedOn.AddMonths(6), new(2026, 6, 30));
            }

            result.AddRange(baselineCooperatives);
            result.AddRange(baselineGroups);
            result.AddRange(baselineUnions);
            result.AddRange(dissolvedBefore);
            result.AddRange(foundedCooperatives);
            result.AddRange(foundedGroups);
            result.AddRange(foundedUnions);
            return result;
        }

        /// <summary>A status change on a day between <paramref name="from"/> and <paramref name="to"/>, never before the last one, never after today.</summary>
        private void Move(Cooperative organization, OrganizationStatus status, DateOnly from, DateOnly to)
        {
            var last = organization.StatusSince > organization.EstablishedOn ? organization.StatusSince : organization.EstablishedOn;
            var start = from > last ? from : last.AddDays(1);
            var end = to < today ? to : today;
            var day = start <= end ? Date(start, end) : (last < today ? last.AddDays(1) : today);
            var reason = "Quyết định số " + (_decision++).ToString(CultureInfo.InvariantCulture) + "/QĐ-UBND";
            organization.ChangeStatus(status, day, reason, today, now);
        }

        private Cooperative New(OrganizationKind kind, DateOnly founded)
        {
            var commune = communes[_rng.Next(communes.Count)];
            var sector = kind switch
            {
                OrganizationKind.CooperativeGroup => _rng.Next(100) < 80 ? Sector.AgricultureForestryFishery : Sector.IndustryHandicraft,
                OrganizationKind.CooperativeUnion => Sector.AgricultureForestryFishery,
                _ => _rng.Next(100) switch
                {
                    < 58 => Sector.AgricultureForestryFishery,
                    < 61 => Sector.Credit,
                    < 72 => Sector.TradeServices,
                    < 80 => Sector.Transport,
                    < 87 => Sector.Construction,
                    < 92 => Sector.IndustryHandicraft,
                    < 95 => Sector.Environment,
                    _ => Sector.Other,
                },
            };
            var place = DemoData.ShortName(commune.Name);
            var prefix = kind switch
            {
                OrganizationKind.CooperativeGroup => "Tổ hợp tác ",
                OrganizationKind.CooperativeUnion => "Liên hiệp hợp tác xã ",
                _ => sector == Sector.Credit ? "Quỹ tín dụng nhân dân " : "Hợp tác xã ",
            };
            var words = sector switch
            {
                Sector.Credit => "",
                Sector.AgricultureForestryFishery => AgricultureWords[_rng.Next(AgricultureWords.Length)] + " ",
                _ => OtherWords[_rng.Next(OtherWords.Length)] + " ",
            };
            var name = prefix + words + place;
            for (var n = 2; !_names.Add(name); n++)
            {
                name = prefix + words + place + " số " + n.ToString(CultureInfo.InvariantCulture);
            }

            var (members, capital) = kind switch
            {
                OrganizationKind.CooperativeGroup => (_rng.Next(3, 21), 10_000_000L * _rng.Next(2, 31)),
                OrganizationKind.CooperativeUnion => (_rng.Next(3, 7), 100_000_000L * _rng.Next(10, 41)),
                _ => (_rng.Next(7, 61), 50_000_000L * _rng.Next(2, 101)),
            };
            var details = new CooperativeDetails(
                RegistrationCode: kind == OrganizationKind.CooperativeGroup ? null : NextCode(),
                Name: name,
                Kind: kind,
                Sector: sector,
                ProvinceCode: DemoData.LangSonProvinceCode,
                CommuneCode: commune.Code,
                Address: "Thôn " + _rng.Next(1, 15).ToString(CultureInfo.InvariantCulture) + ", " + commune.Name + ", tỉnh Lạng Sơn",
                EstablishedOn: founded < today ? founded : today,
                CharterCapital: capital,
                MemberCount: members,
                EmployeeCount: kind == OrganizationKind.CooperativeGroup ? null : _rng.Next(0, members),
                Representative: null,
                Phone: null,
                Email: null,
                IsYouthCooperative: kind == OrganizationKind.Cooperative && _rng.Next(100) < 2,
                MainProducts: []);
            return Cooperative.Register(details, today, now, units);
        }

        private DateOnly Date(DateOnly from, DateOnly to)
        {
            var end = to < today ? to : today;
            return from >= end ? end : from.AddDays(_rng.Next(end.DayNumber - from.DayNumber + 1));
        }

        private string NextCode()
        {
            ReadOnlySpan<int> weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
            for (; ; _serial++)
            {
                var body = "49" + _serial.ToString("D7", CultureInfo.InvariantCulture);
                var sum = 0;
                for (var i = 0; i < 9; i++)
                {
                    sum += (body[i] - '0') * weights[i];
                }

                var check = 10 - (sum % 11);
                if (check <= 9 && takenCodes.Add(body + check.ToString(CultureInfo.InvariantCulture)))
                {
                    _serial++;
                    return body + check.ToString(CultureInfo.InvariantCulture);
                }
            }
        }
    }
}
