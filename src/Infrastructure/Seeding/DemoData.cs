// System.Random is used on purpose: demo data needs reproducibility from a fixed seed, not
// security. Nothing generated here is a secret or a token.
#pragma warning disable CA5394

using System.Globalization;
using System.Text;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// The demo register built from the source articles (docs/sources.md). "Bắc Giang 2022" (the Bắc Giang Cooperative Alliance, 22 August 2022) counts the
/// cooperatives of Bắc Giang, which on 1 July 2025 became part of Bắc Ninh (province 24):
/// 1,012 cooperatives (945 active, 28 suspended, 39 awaiting dissolution), of which 662 in
/// agriculture, forestry and fishery, 330 non-agricultural and 20 people's credit funds, with a
/// total charter capital of 2,421 billion VND and 35,270 members. <see cref="Build"/> reproduces
/// exactly those figures with invented but plausible organizations, adds three cooperative groups
/// and one union in the same province (other kinds, so the cooperative figures stay exact), and
/// the two Lạng Sơn cooperatives named in "Lạng Sơn 2022" (training conference of 24 November 2022).
/// </summary>
/// <remarks>
/// The output is deterministic: one <see cref="Random"/> with a fixed seed drives every choice and
/// the communes are sorted by code first, so the same commune list always gives the same names,
/// codes, figures, statuses and dates. Only the identifiers (assigned by the domain) differ.
/// </remarks>
internal static class DemoData
{
    /// <summary>Province that absorbed Bắc Giang on 1 July 2025 (Bắc Ninh, code 24).</summary>
    public const string DemoProvinceCode = "24";

    /// <summary>Lạng Sơn, unchanged by the reform (code 20): home of the two cooperatives of "Lạng Sơn 2022".</summary>
    public const string LangSonProvinceCode = "20";

    /// <summary>Number of cooperatives of Bắc Giang in "Bắc Giang 2022".</summary>
    public const int CooperativeCount = 1012;

    /// <summary>Cooperatives active (đang hoạt động) in "Bắc Giang 2022".</summary>
    public const int ActiveCount = 945;

    /// <summary>Cooperatives suspended (tạm ngừng hoạt động) in "Bắc Giang 2022".</summary>
    public const int SuspendedCount = 28;

    /// <summary>Cooperatives awaiting dissolution (ngừng hoạt động chờ giải thể) in "Bắc Giang 2022".</summary>
    public const int AwaitingDissolutionCount = 39;

    /// <summary>Cooperatives in agriculture, forestry and fishery in "Bắc Giang 2022".</summary>
    public const int AgricultureCount = 662;

    /// <summary>People's credit funds in "Bắc Giang 2022".</summary>
    public const int CreditCount = 20;

    /// <summary>Non-agricultural cooperatives in "Bắc Giang 2022".</summary>
    public const int NonAgriculturalCount = 330;

    /// <summary>Total charter capital of the 1,012 cooperatives in "Bắc Giang 2022" (2,421 billion VND).</summary>
    public const long TotalCharterCapital = 2_421_000_000_000L;

    /// <summary>Total members of the 1,012 cooperatives in "Bắc Giang 2022".</summary>
    public const int TotalMembers = 35_270;

    /// <summary>Youth cooperatives among the 1,012 ("Bắc Giang 2023" asks for at least 6 new ones by 2025).</summary>
    public const int YouthCooperativeCount = 8;

    /// <summary>Date of "Bắc Giang 2022": no demo cooperative is founded, and no status changes, after it.</summary>
    public static readonly DateOnly ArticleDate = new(2022, 8, 22);

    /// <summary>Earliest founding date of a demo cooperative.</summary>
    public static readonly DateOnly EarliestFoundingDate = new(1960, 1, 1);

    /// <summary>Fixed seed of the generator (the date of "Bắc Giang 2022").</summary>
    private const int Seed = 20_220_822;

    /// <summary>
    /// Builds the demo organizations: the 1,012 cooperatives of old Bắc Giang plus three
    /// cooperative groups and one union in province 24, and the two Lạng Sơn cooperatives of
    /// "Lạng Sơn 2022" (communes 06427 and 06415, hard-coded).
    /// </summary>
    /// <param name="bacNinhCommunes">
    /// (Code, Name) of the current (post-1 July 2025) communes of province 24 (Bắc Ninh, which
    /// absorbed Bắc Giang). Only those from old Bắc Giang are used (see
    /// <see cref="IsFromOldBacGiang"/>); when none of the codes passed qualifies, all of them are.
    /// </param>
    /// <param name="today">Today's date in Vietnam: no founding date or status change is later.</param>
    /// <param name="units">The administrative map the organizations are checked against.</param>
    /// <param name="now">The current instant, recorded on every status history entry.</param>
    /// <returns>The organizations, not yet saved, in a stable order.</returns>
    /// <exception cref="ArgumentException">No commune was passed.</exception>
    public static IReadOnlyList<Cooperative> Build(IReadOnlyList<DemoCommune> bacNinhCommunes, DateOnly today, DateTimeOffset now,
        IAdministrativeUnits units)
    {
        ArgumentNullException.ThrowIfNull(bacNinhCommunes);
        var all = bacNinhCommunes
            .Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Code) && !string.IsNullOrWhiteSpace(c.Name))
            .DistinctBy(c => c.Code, StringComparer.Ordinal)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException("At least one commune of province 24 is needed to place the demo cooperatives.",
                nameof(bacNinhCommunes));
        }

        var fromBacGiang = all.Where(c => IsFromOldBacGiang(c.Code)).ToList();
        var communes = fromBacGiang.Count > 0 ? fromBacGiang : all;
        return new Generator(communes, today, now, units).Run();
    }

    /// <summary>
    /// True when a current commune of province 24 lies in what was Bắc Giang before 1 July 2025.
    /// </summary>
    /// <remarks>
    /// Decided from the data in <c>commune-merges-2025.csv</c>: each new commune kept the code of
    /// one of the pre-reform communes merged into it, and pre-reform Bắc Giang (old province 24)
    /// communes had codes 07xxx while old Bắc Ninh (old province 27) ones had 09xxx. Of the 99
    /// current communes of province 24, the 58 whose code is 07xxx were formed only from old 07xxx
    /// communes and the 41 whose code is 09xxx only from old 09xxx communes; none mixes the two.
    /// So the code range 07000–07999 identifies old Bắc Giang exactly.
    /// </remarks>
    /// <param name="communeCode">Current 5-digit commune code.</param>
    public static bool IsFromOldBacGiang(string communeCode) =>
        communeCode is { Length: 5 } && communeCode.StartsWith("07", StringComparison.Ordinal) && communeCode.All(char.IsAsciiDigit);

    /// <summary>The commune's name without its kind ("Xã Biên Sơn" → "Biên Sơn").</summary>
    /// <param name="communeName">Official name, e.g. "Xã Biên Sơn", "Phường Chũ", "Đặc khu Vân Đồn".</param>
    public static string ShortName(string communeName)
    {
        ArgumentNullException.ThrowIfNull(communeName);
        var name = communeName.Trim();
        foreach (var prefix in KindPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                return name[prefix.Length..].Trim();
            }
        }

        return name;
    }

    private static readonly string[] KindPrefixes = ["Xã ", "Phường ", "Thị trấn ", "Đặc khu "];

    private static bool IsWard(DemoCommune commune) => commune.Name.StartsWith("Phường ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Old districts of Bắc Giang, by ranges of current commune codes (approximate, for flavour only).</summary>
    private enum Region
    {
        Unknown,
        CityBacGiang,
        YenThe,
        TanYen,
        LangGiang,
        LucNam,
        LucNgan,
        SonDong,
        YenDung,
        VietYen,
        HiepHoa,
    }

    private static Region RegionOf(string code)
    {
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return Region.Unknown;
        }

        return n switch
        {
            >= 7200 and <= 7245 => Region.CityBacGiang,
            >= 7246 and <= 7302 => Region.YenThe,
            >= 7303 and <= 7368 => Region.TanYen,
            >= 7369 and <= 7443 => Region.LangGiang,
            >= 7444 and <= 7524 => Region.LucNam,
            >= 7525 and <= 7614 => Region.LucNgan,
            >= 7615 and <= 7680 => Region.SonDong,
            >= 7681 and <= 7760 => Region.YenDung,
            >= 7761 and <= 7821 => Region.VietYen,
            >= 7822 and <= 7999 => Region.HiepHoa,
            _ => Region.Unknown,
        };
    }

    /// <summary>The pre-reform district-level unit, as status-change reasons dated before 2025 name it.</summary>
    private static string DistrictOf(Region region) => region switch
    {
        Region.CityBacGiang => "thành phố Bắc Giang",
        Region.YenThe => "huyện Yên Thế",
        Region.TanYen => "huyện Tân Yên",
        Region.LangGiang => "huyện Lạng Giang",
        Region.LucNam => "huyện Lục Nam",
        Region.LucNgan => "huyện Lục Ngạn",
        Region.SonDong => "huyện Sơn Động",
        Region.YenDung => "huyện Yên Dũng",
        Region.VietYen => "huyện Việt Yên",
        Region.HiepHoa => "huyện Hiệp Hòa",
        _ => "cấp huyện",
    };

    /// <summary>A line of business: the middle of a cooperative's name, its sector and products.</summary>
    private sealed record Activity(string Label, Sector Sector, int Weight, Region[] Regions, string[] Products);

    private static readonly Region[] Anywhere = [];
    private static readonly Region[] FruitRegions = [Region.LucNgan, Region.LucNam, Region.TanYen];
    private static readonly Region[] HillRegions = [Region.SonDong, Region.LucNam, Region.YenThe, Region.LucNgan];
    private static readonly Region[] PlainRegions = [Region.HiepHoa, Region.YenDung, Region.VietYen, Region.LangGiang, Region.TanYen, Region.CityBacGiang];
    private static readonly Region[] RiverRegions = [Region.YenDung, Region.HiepHoa, Region.VietYen, Region.LangGiang, Region.LucNam, Region.CityBacGiang];

    private static readonly Activity[] Activities =
    [
        // Agriculture, forestry and fishery
        new("dịch vụ nông nghiệp", Sector.AgricultureForestryFishery, 10, Anywhere, ["Dịch vụ thủy lợi, làm đất", "Cung ứng giống, vật tư nông nghiệp"]),
        new("dịch vụ nông nghiệp tổng hợp", Sector.AgricultureForestryFishery, 4, Anywhere, ["Cung ứng vật tư nông nghiệp", "Bao tiêu lúa gạo"]),
        new("nông nghiệp", Sector.AgricultureForestryFishery, 4, Anywhere, ["Lúa gạo", "Rau màu"]),
        new("trồng trọt và chăn nuôi", Sector.AgricultureForestryFishery, 2, Anywhere, ["Rau màu", "Lợn thịt"]),
        new("chăn nuôi", Sector.AgricultureForestryFishery, 4, Anywhere, ["Lợn thịt", "Gà thịt"]),
        new("dịch vụ thủy lợi", Sector.AgricultureForestryFishery, 1, Anywhere, ["Dịch vụ thủy lợi nội đồng"]),
        new("trồng nấm", Sector.AgricultureForestryFishery, 1, Anywhere, ["Nấm sò", "Nấm rơm"]),
        new("nông nghiệp công nghệ cao", Sector.AgricultureForestryFishery, 1, Anywhere, ["Dưa lưới trồng trong nhà màng", "Rau thủy canh"]),
        new("nông nghiệp hữu cơ", Sector.AgricultureForestryFishery, 1, Anywhere, ["Rau hữu cơ", "Gạo hữu cơ"]),
        new("thủy sản", Sector.AgricultureForestryFishery, 1, Anywhere, ["Cá thương phẩm"]),
        new("sản xuất và tiêu thụ rau an toàn", Sector.AgricultureForestryFishery, 4, PlainRegions, ["Rau an toàn", "Rau theo tiêu chuẩn VietGAP"]),
        new("sản xuất lúa gạo chất lượng cao", Sector.AgricultureForestryFishery, 3, PlainRegions, ["Lúa gạo chất lượng cao", "Gạo nếp cái hoa vàng"]),
        new("chăn nuôi lợn", Sector.AgricultureForestryFishery, 3, [Region.LangGiang, Region.HiepHoa, Region.TanYen, Region.YenDung], ["Lợn thịt", "Lợn giống"]),
        new("nuôi trồng thủy sản", Sector.AgricultureForestryFishery, 4, RiverRegions, ["Cá thương phẩm", "Cá giống"]),
        new("trồng hoa, cây cảnh", Sector.AgricultureForestryFishery, 2, [Region.CityBacGiang, Region.YenDung, Region.VietYen], ["Hoa tươi", "Cây cảnh"]),
        new("sản xuất lạc", Sector.AgricultureForestryFishery, 2, [Region.TanYen], ["Lạc giống", "Lạc thương phẩm"]),
        new("chăn nuôi gà đồi Yên Thế", Sector.AgricultureForestryFishery, 12, [Region.YenThe], ["Gà đồi Yên Thế", "Trứng gà"]),
        new("gà đồi", Sector.AgricultureForestryFishery, 4, [Region.YenThe, Region.TanYen, Region.LucNam], ["Gà đồi", "Gà giống"]),
        new("vải thiều Lục Ngạn", Sector.AgricultureForestryFishery, 10, [Region.LucNgan], ["Vải thiều Lục Ngạn", "Vải thiều sấy khô"]),
        new("sản xuất và tiêu thụ vải thiều", Sector.AgricultureForestryFishery, 6, FruitRegions, ["Vải thiều", "Vải thiều VietGAP"]),
        new("vải sớm Phúc Hòa", Sector.AgricultureForestryFishery, 3, [Region.TanYen], ["Vải sớm Phúc Hòa"]),
        new("sản xuất cam, bưởi", Sector.AgricultureForestryFishery, 4, [Region.LucNgan, Region.LucNam], ["Cam Lục Ngạn", "Bưởi Diễn", "Bưởi da xanh"]),
        new("cây ăn quả", Sector.AgricultureForestryFishery, 4, HillRegions, ["Cam", "Bưởi", "Vải thiều"]),
        new("nông lâm nghiệp", Sector.AgricultureForestryFishery, 4, HillRegions, ["Keo", "Gỗ rừng trồng", "Cây ăn quả"]),
        new("lâm nghiệp", Sector.AgricultureForestryFishery, 4, [Region.SonDong, Region.YenThe], ["Gỗ rừng trồng", "Cây giống lâm nghiệp"]),
        new("trồng rừng", Sector.AgricultureForestryFishery, 2, [Region.SonDong], ["Keo", "Thông"]),
        new("trồng và chế biến dược liệu", Sector.AgricultureForestryFishery, 3, [Region.SonDong, Region.LucNam], ["Cây dược liệu", "Ba kích"]),
        new("nuôi ong lấy mật", Sector.AgricultureForestryFishery, 2, HillRegions, ["Mật ong"]),

        // Industry and handicraft
        new("sản xuất và chế biến nông sản", Sector.IndustryHandicraft, 3, Anywhere, ["Nông sản sơ chế", "Nông sản sấy khô"]),
        new("sản xuất đồ gỗ", Sector.IndustryHandicraft, 1, Anywhere, ["Đồ gỗ dân dụng"]),
        new("mây tre đan", Sector.IndustryHandicraft, 2, Anywhere, ["Hàng mây tre đan"]),
        new("cơ khí", Sector.IndustryHandicraft, 2, Anywhere, ["Cơ khí nông nghiệp", "Cửa sắt, hoa sắt"]),
        new("sản xuất gạch không nung", Sector.IndustryHandicraft, 2, Anywhere, ["Gạch không nung"]),
        new("may mặc", Sector.IndustryHandicraft, 1, Anywhere, ["Hàng may mặc gia công"]),
        new("sản xuất bún, bánh", Sector.IndustryHandicraft, 1, Anywhere, ["Bún", "Bánh phở"]),
        new("chế biến thực phẩm", Sector.IndustryHandicraft, 1, Anywhere, ["Giò chả", "Thực phẩm chế biến"]),
        new("tiểu thủ công nghiệp", Sector.IndustryHandicraft, 1, Anywhere, ["Hàng thủ công mỹ nghệ"]),
        new("sản xuất mỳ Chũ", Sector.IndustryHandicraft, 8, [Region.LucNgan], ["Mỳ Chũ"]),
        new("chế biến vải thiều sấy", Sector.IndustryHandicraft, 2, [Region.LucNgan, Region.LucNam], ["Vải thiều sấy khô"]),
        new("chế biến gỗ", Sector.IndustryHandicraft, 3, HillRegions, ["Ván bóc", "Gỗ xẻ"]),
        new("gốm Thổ Hà", Sector.IndustryHandicraft, 3, [Region.VietYen], ["Gốm Thổ Hà"]),
        new("rượu làng Vân", Sector.IndustryHandicraft, 3, [Region.VietYen], ["Rượu làng Vân"]),
        new("bánh đa Kế", Sector.IndustryHandicraft, 3, [Region.CityBacGiang], ["Bánh đa Kế"]),
        new("chế biến thức ăn chăn nuôi", Sector.IndustryHandicraft, 1, [Region.LangGiang, Region.HiepHoa, Region.YenThe], ["Thức ăn chăn nuôi"]),

        // Construction
        new("xây dựng", Sector.Construction, 4, Anywhere, ["Xây dựng dân dụng"]),
        new("xây dựng và dịch vụ tổng hợp", Sector.Construction, 2, Anywhere, ["Xây dựng dân dụng", "Sửa chữa nhà ở"]),
        new("xây dựng giao thông, thủy lợi", Sector.Construction, 2, Anywhere, ["Đường giao thông nông thôn", "Kênh mương nội đồng"]),
        new("xây lắp điện", Sector.Construction, 1, Anywhere, ["Xây lắp đường dây điện hạ thế"]),
        new("xây dựng và kinh doanh vật liệu", Sector.Construction, 2, Anywhere, ["Xây dựng dân dụng", "Vật liệu xây dựng"]),

        // Trade and services
        new("thương mại và dịch vụ", Sector.TradeServices, 3, Anywhere, ["Kinh doanh hàng tiêu dùng"]),
        new("dịch vụ tổng hợp", Sector.TradeServices, 4, Anywhere, ["Cung ứng vật tư", "Dịch vụ tổng hợp"]),
        new("kinh doanh dịch vụ chợ", Sector.TradeServices, 2, Anywhere, ["Quản lý, kinh doanh chợ"]),
        new("dịch vụ điện năng", Sector.TradeServices, 2, Anywhere, ["Kinh doanh điện nông thôn"]),
        new("dịch vụ thương mại tổng hợp", Sector.TradeServices, 2, Anywhere, ["Kinh doanh hàng tiêu dùng", "Vật tư nông nghiệp"]),
        new("cung ứng vật tư nông nghiệp", Sector.TradeServices, 2, Anywhere, ["Phân bón", "Giống cây trồng"]),
        new("thương mại điện tử nông sản", Sector.TradeServices, 1, Anywhere, ["Bán nông sản trực tuyến"]),
        new("thương mại nông sản", Sector.TradeServices, 3, [Region.LucNgan, Region.LucNam, Region.YenThe, Region.TanYen], ["Thu mua, tiêu thụ vải thiều", "Nông sản"]),
        new("du lịch cộng đồng", Sector.TradeServices, 2, [Region.SonDong, Region.LucNgan], ["Du lịch sinh thái, trải nghiệm", "Homestay"]),

        // Transport
        new("vận tải", Sector.Transport, 3, Anywhere, ["Vận tải hàng hóa", "Vận tải hành khách"]),
        new("vận tải hành khách", Sector.Transport, 2, Anywhere, ["Vận tải hành khách tuyến cố định"]),
        new("vận tải hàng hóa", Sector.Transport, 2, Anywhere, ["Vận tải hàng hóa đường bộ"]),
        new("dịch vụ vận tải và du lịch", Sector.Transport, 1, Anywhere, ["Xe du lịch", "Vận tải hành khách theo hợp đồng"]),
        new("vận tải thủy", Sector.Transport, 2, RiverRegions, ["Vận tải thủy nội địa"]),
        new("taxi", Sector.Transport, 1, [Region.CityBacGiang, Region.VietYen, Region.LucNgan], ["Taxi"]),

        // Environment
        new("vệ sinh môi trường", Sector.Environment, 4, Anywhere, ["Thu gom rác thải sinh hoạt"]),
        new("dịch vụ môi trường", Sector.Environment, 2, Anywhere, ["Thu gom, vận chuyển rác thải", "Vệ sinh đường làng"]),
        new("môi trường xanh", Sector.Environment, 1, Anywhere, ["Thu gom rác thải", "Trồng cây xanh"]),
        new("thu gom và xử lý rác thải", Sector.Environment, 2, Anywhere, ["Thu gom, xử lý rác thải sinh hoạt"]),
        new("nước sạch và vệ sinh môi trường", Sector.Environment, 1, Anywhere, ["Cấp nước sinh hoạt", "Thu gom rác thải"]),

        // Other
        new("cấp nước sạch", Sector.Other, 2, Anywhere, ["Nước sạch sinh hoạt"]),
        new("dịch vụ đào tạo nghề", Sector.Other, 1, Anywhere, ["Đào tạo nghề nông thôn"]),
        new("dịch vụ việc làm", Sector.Other, 1, Anywhere, ["Giới thiệu việc làm", "Cung ứng lao động"]),
        new("chăm sóc sức khỏe cộng đồng", Sector.Other, 1, Anywhere, ["Chăm sóc người cao tuổi"]),
        new("dịch vụ công nghệ thông tin", Sector.Other, 1, [Region.CityBacGiang, Region.VietYen], ["Dịch vụ tin học"]),
    ];

    /// <summary>Non-agricultural sectors and their share of the 330 (sums to 330).</summary>
    private static readonly (Sector Sector, int Count)[] NonAgriculturalSplit =
    [
        (Sector.IndustryHandicraft, 85),
        (Sector.Construction, 45),
        (Sector.TradeServices, 95),
        (Sector.Transport, 55),
        (Sector.Environment, 35),
        (Sector.Other, 15),
    ];

    private static readonly string[] Brands =
    [
        "An Phát", "Bình Minh", "Phúc Lộc", "Thành Công", "Hưng Thịnh", "Minh Phát", "Đồng Tâm", "Hòa Bình",
        "Thành Đạt", "Phát Đạt", "Quyết Tiến", "Hợp Lực", "Thắng Lợi", "Đoàn Kết", "Xanh", "Sao Mai",
        "Ánh Dương", "Hoàng Long", "Trường Thịnh", "Việt Hưng", "Nam Phong", "Thịnh Vượng", "Tâm An", "Phú Cường",
        "Kim Ngân", "Hồng Phúc", "Đại Phát", "Tiến Thành", "An Khang", "Toàn Thắng", "Quang Minh", "Hải Đăng",
        "Thiên Phú", "Bảo Ngọc", "Hưng Phát", "Đông Phong", "Tân Phát", "Vạn Lộc", "Song Hỷ", "Thuận Phát",
    ];

    private static readonly string[] Villages =
    [
        "Trung", "Đông", "Tây", "Nam", "Bắc", "Chùa", "Đình", "Mới", "Tân Lập", "Tân Thành", "Hòa Bình",
        "Đồng Quan", "Cầu", "Phố", "Hạ", "Thượng", "Giữa", "Bãi", "Dốc", "Đồng Mới", "Quyết Thắng",
        "Thống Nhất", "Đoàn Kết", "Chính", "Khuôn", "Tiền Phong", "Đồng Bông", "Cả", "Nội", "Ngoài",
    ];

    private static readonly string[] FamilyNames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê",
        "Phạm", "Hoàng", "Vũ", "Đỗ", "Ngô", "Dương", "Thân", "Thân", "Giáp", "Hà", "Lương", "Đào", "Bùi",
        "Đặng", "Chu", "Nông", "Triệu", "Hoàng", "Trần", "Lê",
    ];

    private static readonly string[] MaleMiddleNames = ["Văn", "Văn", "Văn", "Đức", "Quang", "Minh", "Xuân", "Hữu", "Thế", "Đình", "Mạnh"];
    private static readonly string[] FemaleMiddleNames = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc"];

    private static readonly string[] MaleGivenNames =
    [
        "Hùng", "Dũng", "Thắng", "Tuấn", "Hải", "Long", "Cường", "Hưng", "Sơn", "Nam", "Bình", "Thành",
        "Quân", "Khánh", "Hiếu", "Toàn", "Tiến", "Chiến", "Đông", "Hòa", "Lâm", "Phong", "Trung", "Vinh",
    ];

    private static readonly string[] FemaleGivenNames =
    [
        "Lan", "Hương", "Hoa", "Mai", "Hằng", "Thủy", "Nga", "Hạnh", "Nhung", "Liên", "Yến", "Huyền", "Phương", "Thảo", "Dung",
    ];

    private static readonly string[] MobilePrefixes =
    [
        "091", "094", "088", "098", "097", "096", "086", "035", "036", "037", "038", "039", "034", "033", "032", "083", "084", "085",
    ];

    private static readonly string[] SuspensionReasons =
    [
        "Tạm ngừng hoạt động 12 tháng theo nghị quyết Đại hội thành viên: thiếu vốn lưu động, thị trường tiêu thụ khó khăn; đã thông báo Phòng Tài chính - Kế hoạch {0}",
        "Tạm ngừng kinh doanh để củng cố, kiện toàn bộ máy quản lý; thông báo gửi Phòng Tài chính - Kế hoạch {0}",
        "Tạm ngừng hoạt động do chuyển đổi cơ cấu sản xuất, chờ phương án kinh doanh mới; đã báo cáo UBND {0}",
        "Tạm ngừng hoạt động theo đề nghị của Hội đồng quản trị: thành viên chưa góp đủ vốn, chưa có hợp đồng tiêu thụ sản phẩm",
    ];

    private const string CovidSuspensionReason =
        "Tạm ngừng hoạt động do ảnh hưởng của dịch COVID-19, không tiêu thụ được sản phẩm; đã thông báo Phòng Tài chính - Kế hoạch {0}";

    private static readonly string[] DissolutionReasons =
    [
        "Ngừng hoạt động trên 12 tháng liên tục; Đại hội thành viên thông qua nghị quyết giải thể tự nguyện, đang làm thủ tục giải thể",
        "Hoạt động không hiệu quả, thành viên rút vốn; chờ hoàn tất thanh lý tài sản và nghĩa vụ thuế để giải thể",
        "Không còn hoạt động sản xuất kinh doanh, không nộp báo cáo tài chính hai năm liên tiếp; Phòng Tài chính - Kế hoạch {0} đề nghị giải thể",
    ];

    private const string Law2012DissolutionReason =
        "Không tổ chức lại, chuyển đổi theo Luật Hợp tác xã năm 2012 trước ngày 01/7/2016; UBND {0} thông báo giải thể bắt buộc";

    private const string ResumedReason =
        "Hoạt động trở lại sau thời gian tạm ngừng; đã thông báo Phòng Tài chính - Kế hoạch {0}";

    /// <summary>A weighted band of a figure: <c>Weight</c> in 100, uniform between <c>From</c> and <c>To</c>.</summary>
    private readonly record struct Band(int Weight, int From, int To);

    // Charter capital bands, in million VND (scaled afterwards to hit the exact total).
    private static readonly Band[] AgricultureCapital = [new(20, 50, 300), new(36, 300, 1000), new(32, 1000, 3000), new(10, 3000, 8000), new(2, 10000, 30000)];
    private static readonly Band[] IndustryCapital = [new(15, 100, 500), new(35, 500, 2000), new(35, 2000, 6000), new(15, 6000, 20000)];
    private static readonly Band[] ConstructionCapital = [new(10, 200, 1000), new(40, 1000, 4000), new(40, 4000, 10000), new(10, 10000, 25000)];
    private static readonly Band[] TradeCapital = [new(20, 100, 600), new(40, 600, 2000), new(30, 2000, 6000), new(10, 6000, 20000)];
    private static readonly Band[] TransportCapital = [new(10, 300, 1500), new(35, 1500, 5000), new(40, 5000, 12000), new(15, 12000, 30000)];
    private static readonly Band[] EnvironmentCapital = [new(40, 100, 500), new(45, 500, 1500), new(15, 1500, 4000)];
    private static readonly Band[] OtherCapital = [new(35, 100, 600), new(45, 600, 2000), new(20, 2000, 6000)];
    private static readonly Band[] CreditCapital = [new(30, 5000, 9000), new(50, 9000, 16000), new(20, 16000, 25000)];
    private static readonly Band[] YouthCapital = [new(60, 300, 1000), new(40, 1000, 3000)];

    // Official members (scaled afterwards to hit the exact total).
    private static readonly Band[] AgricultureMembers = [new(55, 7, 15), new(28, 15, 35), new(12, 35, 90), new(5, 90, 300)];
    private static readonly Band[] IndustryMembers = [new(50, 7, 15), new(35, 15, 40), new(15, 40, 100)];
    private static readonly Band[] ConstructionMembers = [new(70, 7, 15), new(30, 15, 40)];
    private static readonly Band[] TradeMembers = [new(60, 7, 15), new(35, 15, 40), new(5, 40, 100)];
    private static readonly Band[] TransportMembers = [new(50, 7, 20), new(40, 20, 50), new(10, 50, 120)];
    private static readonly Band[] EnvironmentMembers = [new(70, 7, 12), new(30, 12, 25)];
    private static readonly Band[] OtherMembers = [new(80, 7, 15), new(20, 15, 30)];
    private static readonly Band[] CreditMembers = [new(40, 250, 450), new(45, 450, 800), new(15, 800, 1500)];
    private static readonly Band[] YouthMembers = [new(100, 7, 15)];

    /// <summary>Where a cooperative ends up in the status history.</summary>
    private enum StatusPath
    {
        Active,
        Resumed,
        Suspended,
        AwaitingDissolution,
        AwaitingDissolutionAfterSuspension,
    }

    /// <summary>Everything decided about one demo cooperative before it is registered.</summary>
    private sealed class Plan(Sector sector, DemoCommune commune)
    {
        public Sector Sector { get; } = sector;
        public DemoCommune Commune { get; } = commune;
        public Region Region { get; } = RegionOf(commune.Code);
        public Activity? Activity { get; set; }
        public bool IsYouth { get; set; }
        public DateOnly Founded { get; set; }
        public StatusPath Path { get; set; }
        public string Name { get; set; } = "";
        public long RawCapital { get; set; }
        public long RawMembers { get; set; }
        public long Capital { get; set; }
        public int Members { get; set; }
        public string Code { get; set; } = "";
    }

    /// <summary>One run of the generator: all randomness flows from one seeded <see cref="Random"/>.</summary>
    private sealed class Generator
    {
        private readonly Random _rng = new(Seed);
        private readonly List<DemoCommune> _communes;
        private readonly DateOnly _today;
        private readonly DateTimeOffset _now;
        private readonly IAdministrativeUnits _units;
        private readonly DateOnly _latest;
        private readonly HashSet<string> _nameKeys = new(StringComparer.Ordinal);
        private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
        private int _serial = 100_000;

        public Generator(List<DemoCommune> communes, DateOnly today, DateTimeOffset now, IAdministrativeUnits units)
        {
            _units = units;
            _communes = communes;
            _today = today;
            _now = now;
            _latest = today < ArticleDate ? today : ArticleDate;
        }

        public List<Cooperative> Run()
        {
            var plans = PlanCooperatives();
            ChooseYouthCooperatives(plans);
            foreach (var plan in plans)
            {
                plan.Founded = FoundingDate(plan);
            }

            foreach (var plan in plans)
            {
                plan.Name = plan.Sector == Sector.Credit ? CreditFundName(plan.Commune) : CooperativeName(plan);
            }

            SetFigures(plans);
            ChooseStatusPaths(plans);
            AssignRegistrationCodes(plans);

            var result = new List<Cooperative>(CooperativeCount + 6);
            foreach (var plan in plans)
            {
                result.Add(Register(plan));
            }

            result.AddRange(OtherKinds());
            result.AddRange(LangSon());
            return result;
        }

        // ---- planning -------------------------------------------------------------------------

        private List<Plan> PlanCooperatives()
        {
            var sectors = new List<Sector>(CooperativeCount);
            sectors.AddRange(Enumerable.Repeat(Sector.AgricultureForestryFishery, AgricultureCount));
            sectors.AddRange(Enumerable.Repeat(Sector.Credit, CreditCount));
            foreach (var (sector, count) in NonAgriculturalSplit)
            {
                sectors.AddRange(Enumerable.Repeat(sector, count));
            }

            Shuffle(sectors);

            // People's credit funds: one per commune, rural communes first.
            var fundCommunes = _communes.Where(c => !IsWard(c)).ToList();
            Shuffle(fundCommunes);
            var wards = _communes.Where(IsWard).ToList();
            Shuffle(wards);
            fundCommunes.AddRange(wards);
            var nextFund = 0;

            var agricultureWeights = _communes.Select(c => IsWard(c) ? 1 : 3).ToArray();
            var otherWeights = _communes.Select(c => IsWard(c) ? 3 : 2).ToArray();

            var plans = new List<Plan>(CooperativeCount);
            foreach (var sector in sectors)
            {
                DemoCommune commune;
                if (sector == Sector.Credit)
                {
                    commune = fundCommunes[nextFund++ % fundCommunes.Count];
                }
                else
                {
                    var weights = sector == Sector.AgricultureForestryFishery ? agricultureWeights : otherWeights;
                    commune = _communes[PickWeighted(weights)];
                }

                var plan = new Plan(sector, commune);
                if (sector != Sector.Credit)
                {
                    plan.Activity = PickActivity(sector, plan.Region);
                }

                plans.Add(plan);
            }

            return plans;
        }

        private Activity PickActivity(Sector sector, Region region)
        {
            var candidates = Activities
                .Where(a => a.Sector == sector && (a.Regions.Length == 0 || a.Regions.Contains(region)))
                .ToList();
            return candidates[PickWeighted(candidates.Select(a => a.Weight).ToArray())];
        }

        private void ChooseYouthCooperatives(List<Plan> plans)
        {
            var agriculture = plans.Where(p => p.Sector == Sector.AgricultureForestryFishery).ToList();
            var trade = plans.Where(p => p.Sector == Sector.TradeServices).ToList();
            Shuffle(agriculture);
            Shuffle(trade);
            foreach (var plan in agriculture.Take(YouthCooperativeCount - 2).Concat(trade.Take(2)))
            {
                plan.IsYouth = true;
            }
        }

        private DateOnly FoundingDate(Plan plan)
        {
            if (plan.IsYouth)
            {
                return RandomDate(new DateOnly(2018, 1, 1), _latest);
            }

            if (plan.Sector == Sector.Credit)
            {
                // People's credit funds were set up from the 1993 pilot on, most before 2003.
                return RandomDate(new DateOnly(1995, 1, 1), new DateOnly(2003, 12, 31));
            }

            // Old collective-era cooperatives (agriculture only), many re-registered under the
            // 1996 and 2003 laws, then a steady flow under the 2012 law.
            var roll = _rng.Next(100);
            if (plan.Sector != Sector.AgricultureForestryFishery && roll < 5)
            {
                roll += 5;
            }

            return roll switch
            {
                < 5 => RandomDate(EarliestFoundingDate, new DateOnly(1996, 12, 31)),
                < 35 => RandomDate(new DateOnly(1997, 1, 1), new DateOnly(2003, 12, 31)),
                < 63 => RandomDate(new DateOnly(2004, 1, 1), new DateOnly(2012, 12, 31)),
                < 80 => RandomDate(new DateOnly(2013, 1, 1), new DateOnly(2017, 12, 31)),
                _ => RandomDate(new DateOnly(2018, 1, 1), _latest),
            };
        }

        /// <summary>A uniform date in [from, to], both clamped to [earliest founding date, latest allowed date].</summary>
        private DateOnly RandomDate(DateOnly from, DateOnly to)
        {
            var floor = EarliestFoundingDate < _latest ? EarliestFoundingDate : _latest;
            if (from < floor)
            {
                from = floor;
            }

            if (to > _latest)
            {
                to = _latest;
            }

            if (from > to)
            {
                from = to;
            }

            return from.AddDays(_rng.Next(to.DayNumber - from.DayNumber + 1));
        }

        /// <summary>
        /// A date on or after <paramref name="earliest"/> and on or before the latest allowed
        /// date, preferably within [<paramref name="preferredFrom"/>, <paramref name="preferredTo"/>].
        /// </summary>
        private DateOnly PickDate(DateOnly earliest, DateOnly preferredFrom, DateOnly preferredTo)
        {
            var latest = _latest < earliest ? earliest : _latest;
            var from = preferredFrom > earliest ? preferredFrom : earliest;
            var to = preferredTo < latest ? preferredTo : latest;
            if (from > to)
            {
                from = earliest;
                to = latest;
            }

            return from.AddDays(_rng.Next(to.DayNumber - from.DayNumber + 1));
        }

        // ---- names ----------------------------------------------------------------------------

        private string CreditFundName(DemoCommune commune)
        {
            var head = IsWard(commune) ? "Quỹ tín dụng nhân dân phường " : "Quỹ tín dụng nhân dân xã ";
            var name = head + ShortName(commune.Name);
            for (var n = 2; !_nameKeys.Add(NameKey(name)); n++)
            {
                name = head + ShortName(commune.Name) + " " + n.ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }

        private string CooperativeName(Plan plan)
        {
            var activity = plan.Activity!;
            var prefix = plan.IsYouth ? "Hợp tác xã thanh niên " : _rng.Next(100) < 15 ? "HTX " : "Hợp tác xã ";
            return UniqueName(prefix + activity.Label, ShortName(plan.Commune.Name));
        }

        /// <summary>
        /// "<paramref name="head"/> <c>qualifier</c>", unique in the register: the qualifier is
        /// usually the commune's name, sometimes a trade name, sometimes both.
        /// </summary>
        private string UniqueName(string head, string place)
        {
            var placeInHead = head.Contains(place, StringComparison.Ordinal);
            for (var attempt = 0; attempt < 25; attempt++)
            {
                string name;
                var roll = _rng.Next(100);
                var brand = Brands[_rng.Next(Brands.Length)];
                if (placeInHead)
                {
                    name = attempt == 0 && roll < 60 ? head : head + " " + brand;
                }
                else
                {
                    name = roll switch
                    {
                        < 50 => head + " " + place,
                        < 75 => head + " " + brand + " " + place,
                        _ => head + " " + brand,
                    };
                }

                if (_nameKeys.Add(NameKey(name)))
                {
                    return name;
                }
            }

            for (var n = 2; ; n++)
            {
                var name = head + " số " + n.ToString(CultureInfo.InvariantCulture) + (placeInHead ? "" : " " + place);
                if (_nameKeys.Add(NameKey(name)))
                {
                    return name;
                }
            }
        }

        /// <summary>"HTX …" and "Hợp tác xã …" are the same name.</summary>
        private static string NameKey(string name)
        {
            var key = name.Trim().ToUpperInvariant();
            return key.StartsWith("HTX ", StringComparison.Ordinal) ? "HỢP TÁC XÃ " + key[4..] : key;
        }

        // ---- figures --------------------------------------------------------------------------

        private void SetFigures(List<Plan> plans)
        {
            foreach (var plan in plans)
            {
                var (capital, members) = plan.IsYouth
                    ? (YouthCapital, YouthMembers)
                    : plan.Sector switch
                    {
                        Sector.AgricultureForestryFishery => (AgricultureCapital, AgricultureMembers),
                        Sector.IndustryHandicraft => (IndustryCapital, IndustryMembers),
                        Sector.Construction => (ConstructionCapital, ConstructionMembers),
                        Sector.TradeServices => (TradeCapital, TradeMembers),
                        Sector.Transport => (TransportCapital, TransportMembers),
                        Sector.Environment => (EnvironmentCapital, EnvironmentMembers),
                        Sector.Credit => (CreditCapital, CreditMembers),
                        _ => (OtherCapital, OtherMembers),
                    };
                plan.RawCapital = DrawBand(capital) * 1_000_000L;
                plan.RawMembers = DrawBand(members);
            }

            var capitals = ScaleToTotal(plans.Select(p => p.RawCapital).ToArray(), TotalCharterCapital, 10_000_000L,
                plans.Select(p => 20_000_000L).ToArray());
            var memberCounts = ScaleToTotal(plans.Select(p => p.RawMembers).ToArray(), TotalMembers, 1,
                plans.Select(p => p.Sector == Sector.Credit ? 150L : 7L).ToArray());
            for (var i = 0; i < plans.Count; i++)
            {
                plans[i].Capital = capitals[i];
                plans[i].Members = (int)memberCounts[i];
            }
        }

        private int DrawBand(Band[] bands)
        {
            var band = bands[PickWeighted(bands.Select(b => b.Weight).ToArray())];
            return _rng.Next(band.From, band.To + 1);
        }

        /// <summary>
        /// Scales <paramref name="raw"/> by one factor so that the values, rounded to
        /// <paramref name="unit"/> and at least their minimum, add up to exactly
        /// <paramref name="total"/>; the small remainder left by rounding goes to the largest value.
        /// </summary>
        private static long[] ScaleToTotal(long[] raw, long total, long unit, long[] minimum)
        {
            long Sum(double factor) => Scaled(raw, factor, unit, minimum).Sum();

            if (Sum(0) > total)
            {
                throw new InvalidOperationException("The minimums alone exceed the total.");
            }

            double low = 0, high = 1;
            for (var i = 0; i < 64 && Sum(high) <= total; i++)
            {
                low = high;
                high *= 2;
            }

            for (var i = 0; i < 80; i++)
            {
                var middle = (low + high) / 2;
                if (Sum(middle) <= total)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            var values = Scaled(raw, low, unit, minimum);
            var largest = 0;
            for (var i = 1; i < values.Length; i++)
            {
                if (values[i] > values[largest])
                {
                    largest = i;
                }
            }

            values[largest] += total - values.Sum();
            return values;
        }

        private static long[] Scaled(long[] raw, double factor, long unit, long[] minimum)
        {
            var values = new long[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                var value = (long)Math.Round(raw[i] * factor / unit, MidpointRounding.AwayFromZero) * unit;
                values[i] = Math.Max(value, minimum[i]);
            }

            return values;
        }

        private int EmployeeCount(Plan plan) => plan.Sector switch
        {
            Sector.Credit => _rng.Next(6, 16),
            Sector.AgricultureForestryFishery => Math.Min(_rng.Next(0, 6) + (plan.Members / 8) + (int)(plan.Capital / 2_000_000_000L), 45),
            Sector.Transport => Math.Min(plan.Members + _rng.Next(0, plan.Members / 2 + 3), 160),
            Sector.Construction => _rng.Next(8, 61),
            Sector.IndustryHandicraft => _rng.Next(5, 81),
            Sector.Environment => _rng.Next(5, 41),
            Sector.TradeServices => _rng.Next(2, 21),
            _ => _rng.Next(2, 16),
        };

        // ---- statuses -------------------------------------------------------------------------

        private void ChooseStatusPaths(List<Plan> plans)
        {
            // Credit funds (supervised by the State Bank) and the new youth cooperatives stay active.
            var candidates = plans.Where(p => p.Sector != Sector.Credit && !p.IsYouth).ToList();
            Shuffle(candidates);
            var i = 0;
            for (var n = 0; n < AwaitingDissolutionCount; n++, i++)
            {
                candidates[i].Path = n < 15 ? StatusPath.AwaitingDissolutionAfterSuspension : StatusPath.AwaitingDissolution;
            }

            for (var n = 0; n < SuspendedCount; n++, i++)
            {
                candidates[i].Path = StatusPath.Suspended;
            }

            for (var n = 0; n < 12; n++, i++)
            {
                candidates[i].Path = StatusPath.Resumed;
            }
        }

        private void ApplyStatusPath(Cooperative cooperative, Plan plan)
        {
            var district = DistrictOf(plan.Region);
            var founded = plan.Founded;
            var settled = founded.AddYears(1);
            switch (plan.Path)
            {
                case StatusPath.Suspended:
                {
                    var on = PickDate(founded, Max(settled, new DateOnly(2015, 1, 1)), _latest);
                    cooperative.ChangeStatus(OrganizationStatus.Suspended, on, SuspensionReason(on, district), _today, _now);
                    break;
                }

                case StatusPath.Resumed:
                {
                    var suspended = PickDate(founded, Max(settled, new DateOnly(2020, 3, 1)), new DateOnly(2021, 9, 30));
                    cooperative.ChangeStatus(OrganizationStatus.Suspended, suspended, SuspensionReason(suspended, district), _today, _now);
                    var resumed = PickDate(suspended, suspended.AddMonths(3), suspended.AddMonths(12));
                    cooperative.ChangeStatus(OrganizationStatus.Active, resumed, Format(ResumedReason, district), _today, _now);
                    break;
                }

                case StatusPath.AwaitingDissolution:
                {
                    var on = PickDate(founded, Max(founded.AddYears(2), new DateOnly(2014, 1, 1)), _latest);
                    cooperative.ChangeStatus(OrganizationStatus.AwaitingDissolution, on, DissolutionReason(on, founded, district), _today, _now);
                    break;
                }

                case StatusPath.AwaitingDissolutionAfterSuspension:
                {
                    var suspended = PickDate(founded, Max(settled, new DateOnly(2012, 1, 1)), _latest.AddMonths(-9));
                    cooperative.ChangeStatus(OrganizationStatus.Suspended, suspended, SuspensionReason(suspended, district), _today, _now);
                    var on = PickDate(suspended, suspended.AddMonths(6), suspended.AddMonths(30));
                    cooperative.ChangeStatus(OrganizationStatus.AwaitingDissolution, on, DissolutionReason(on, founded, district), _today, _now);
                    break;
                }

                case StatusPath.Active:
                default:
                    break;
            }
        }

        private string SuspensionReason(DateOnly on, string district) =>
            on >= new DateOnly(2020, 2, 1) && on <= new DateOnly(2021, 12, 31) && _rng.Next(100) < 70
                ? Format(CovidSuspensionReason, district)
                : Format(SuspensionReasons[_rng.Next(SuspensionReasons.Length)], district);

        private string DissolutionReason(DateOnly on, DateOnly founded, string district) =>
            on >= new DateOnly(2016, 7, 1) && founded < new DateOnly(2013, 7, 1) && _rng.Next(100) < 40
                ? Format(Law2012DissolutionReason, district)
                : Format(DissolutionReasons[_rng.Next(DissolutionReasons.Length)], district);

        private static string Format(string template, string district) =>
            string.Format(CultureInfo.InvariantCulture, template, district);

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        // ---- registration codes ---------------------------------------------------------------

        private void AssignRegistrationCodes(List<Plan> plans)
        {
            // Tax codes were issued in sequence, so older cooperatives get lower serials.
            foreach (var plan in plans.OrderBy(p => p.Founded))
            {
                plan.Code = NextTaxCode();
            }
        }

        private string NextTaxCode()
        {
            while (true)
            {
                _serial += _rng.Next(37, 420);
                var code = TaxCode(DemoProvinceCode, _serial);
                if (code is not null && _codes.Add(code))
                {
                    return code;
                }
            }
        }

        /// <summary>
        /// A 10-digit tax code: 2-digit tax-office prefix, 7-digit serial and a check digit
        /// (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − sum mod 11). Null when the
        /// serial has no single-digit check (sum divisible by 11): such serials are skipped.
        /// </summary>
        private static string? TaxCode(string prefix, int serial)
        {
            ReadOnlySpan<int> weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
            var body = prefix + serial.ToString("D7", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (body[i] - '0') * weights[i];
            }

            var check = 10 - (sum % 11);
            return check > 9 ? null : body + check.ToString(CultureInfo.InvariantCulture);
        }

        private string LangSonTaxCode(int serial)
        {
            for (; ; serial++)
            {
                var code = TaxCode("49", serial);
                if (code is not null && _codes.Add(code))
                {
                    return code;
                }
            }
        }

        // ---- people and contacts --------------------------------------------------------------

        private string PersonName()
        {
            var female = _rng.Next(100) < 28;
            var family = FamilyNames[_rng.Next(FamilyNames.Length)];
            var middle = female ? FemaleMiddleNames[_rng.Next(FemaleMiddleNames.Length)] : MaleMiddleNames[_rng.Next(MaleMiddleNames.Length)];
            var given = female ? FemaleGivenNames[_rng.Next(FemaleGivenNames.Length)] : MaleGivenNames[_rng.Next(MaleGivenNames.Length)];
            return $"{family} {middle} {given}";
        }

        private string Phone(string areaCode)
        {
            if (_rng.Next(100) < 60)
            {
                return $"{areaCode} 3{_rng.Next(100, 1000)} {_rng.Next(0, 1000):D3}";
            }

            var prefix = MobilePrefixes[_rng.Next(MobilePrefixes.Length)];
            return $"{prefix}{_rng.Next(10)} {_rng.Next(0, 1000):D3} {_rng.Next(0, 1000):D3}";
        }

        private string? Email(Plan plan)
        {
            if (_rng.Next(100) >= 20)
            {
                return null;
            }

            var words = Ascii(plan.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var tail = string.Concat(words.Skip(Math.Max(0, words.Length - 2)));
            var prefix = plan.Sector == Sector.Credit ? "qtd" : "htx";
            return $"{prefix}{tail}{_rng.Next(10, 100)}@gmail.com";
        }

        /// <summary>Lower-case ASCII letters and spaces of a Vietnamese text ("Biên Sơn" → "bien son").</summary>
        private static string Ascii(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var ch in text.Normalize(NormalizationForm.FormD))
            {
                var c = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch);
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or ' ')
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private string Address(DemoCommune commune)
        {
            var place = IsWard(commune)
                ? "Tổ dân phố số " + _rng.Next(1, 16).ToString(CultureInfo.InvariantCulture)
                : "Thôn " + Villages[_rng.Next(Villages.Length)];
            return $"{place}, {commune.Name}, tỉnh Bắc Ninh";
        }

        private string[] Products(Plan plan)
        {
            if (plan.Sector == Sector.Credit)
            {
                return ["Huy động tiền gửi", "Cho vay thành viên"];
            }

            var products = plan.Activity!.Products;
            return products.Length > 1 && _rng.Next(100) < 55 ? [products[0], products[1 + _rng.Next(products.Length - 1)]] : [products[0]];
        }

        // ---- building the aggregates ----------------------------------------------------------

        private Cooperative Register(Plan plan)
        {
            var details = new CooperativeDetails(
                RegistrationCode: plan.Code,
                Name: plan.Name,
                Kind: OrganizationKind.Cooperative,
                Sector: plan.Sector,
                ProvinceCode: DemoProvinceCode,
                CommuneCode: plan.Commune.Code,
                Address: Address(plan.Commune),
                EstablishedOn: plan.Founded,
                CharterCapital: plan.Capital,
                MemberCount: plan.Members,
                EmployeeCount: EmployeeCount(plan),
                Representative: PersonName(),
                Phone: Phone("0204"),
                Email: Email(plan),
                IsYouthCooperative: plan.IsYouth,
                MainProducts: Products(plan));
            var cooperative = Cooperative.Register(details, _today, _now, _units);
            ApplyStatusPath(cooperative, plan);
            return cooperative;
        }

        /// <summary>Three cooperative groups and one union: other kinds, outside the 1,012.</summary>
        private List<Cooperative> OtherKinds()
        {
            var union = FindCommune(Region.LucNgan, "Lục Ngạn");
            var poultry = FindCommune(Region.YenThe, "Đồng Kỳ");
            var vegetables = FindCommune(Region.HiepHoa, "Hợp Thịnh");
            var wicker = FindCommune(Region.LangGiang, "Tiên Lục");
            return
            [
                Other(OrganizationKind.CooperativeUnion, "Liên hiệp hợp tác xã nông sản " + ShortName(union.Name), union,
                    Sector.AgricultureForestryFishery, new DateOnly(2020, 9, 15), 3_500_000_000L, 5, 12, hasCode: true,
                    ["Tiêu thụ vải thiều Lục Ngạn cho HTX thành viên", "Cam, bưởi"]),
                Other(OrganizationKind.CooperativeGroup, "Tổ hợp tác chăn nuôi gà đồi " + ShortName(poultry.Name), poultry,
                    Sector.AgricultureForestryFishery, new DateOnly(2019, 4, 2), 150_000_000L, 12, 3, hasCode: false,
                    ["Gà đồi Yên Thế"]),
                Other(OrganizationKind.CooperativeGroup, "Tổ hợp tác trồng rau an toàn " + ShortName(vegetables.Name), vegetables,
                    Sector.AgricultureForestryFishery, new DateOnly(2021, 3, 10), 60_000_000L, 9, 0, hasCode: false,
                    ["Rau an toàn"]),
                Other(OrganizationKind.CooperativeGroup, "Tổ hợp tác mây tre đan " + ShortName(wicker.Name), wicker,
                    Sector.IndustryHandicraft, new DateOnly(2022, 5, 18), 40_000_000L, 6, 2, hasCode: true,
                    ["Hàng mây tre đan"]),
            ];
        }

        private Cooperative Other(OrganizationKind kind, string name, DemoCommune commune, Sector sector, DateOnly founded,
            long capital, int members, int employees, bool hasCode, string[] products)
        {
            var unique = name;
            for (var n = 2; !_nameKeys.Add(NameKey(unique)); n++)
            {
                unique = name + " số " + n.ToString(CultureInfo.InvariantCulture);
            }

            var details = new CooperativeDetails(
                RegistrationCode: hasCode ? NextTaxCode() : null,
                Name: unique,
                Kind: kind,
                Sector: sector,
                ProvinceCode: DemoProvinceCode,
                CommuneCode: commune.Code,
                Address: Address(commune),
                EstablishedOn: founded < _today ? founded : _today,
                CharterCapital: capital,
                MemberCount: members,
                EmployeeCount: employees,
                Representative: PersonName(),
                Phone: Phone("0204"),
                Email: null,
                IsYouthCooperative: false,
                MainProducts: products);
            return Cooperative.Register(details, _today, _now, _units);
        }

        /// <summary>The commune with that short name, else the first of the region, else the first of all.</summary>
        private DemoCommune FindCommune(Region region, string shortName) =>
            _communes.FirstOrDefault(c => string.Equals(ShortName(c.Name), shortName, StringComparison.Ordinal))
            ?? _communes.FirstOrDefault(c => RegionOf(c.Code) == region)
            ?? _communes[0];

        /// <summary>The two model cooperatives of Hữu Lũng (Lạng Sơn) visited in "Lạng Sơn 2022".</summary>
        private List<Cooperative> LangSon()
        {
            var caiKinh = new CooperativeDetails(
                RegistrationCode: LangSonTaxCode(822_417),
                Name: "Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh",
                Kind: OrganizationKind.Cooperative,
                Sector: Sector.AgricultureForestryFishery,
                ProvinceCode: LangSonProvinceCode,
                CommuneCode: "06427", // Xã Cai Kinh
                Address: "Xã Cai Kinh, tỉnh Lạng Sơn",
                EstablishedOn: Min(new DateOnly(2016, 3, 15), _today),
                CharterCapital: 1_200_000_000L,
                MemberCount: 15,
                EmployeeCount: 8,
                Representative: "Hoàng Văn Thịnh",
                Phone: "0205 3826 418",
                Email: null,
                IsYouthCooperative: false,
                MainProducts: ["Na (mãng cầu ta)", "Cây giống, dịch vụ nông lâm nghiệp"]);
            var nhatTien = new CooperativeDetails(
                RegistrationCode: LangSonTaxCode(853_106),
                Name: "Hợp tác xã dịch vụ nông nghiệp và phát triển cây ăn quả xã Nhật Tiến",
                Kind: OrganizationKind.Cooperative,
                Sector: Sector.AgricultureForestryFishery,
                ProvinceCode: LangSonProvinceCode,
                CommuneCode: "06415", // Xã Vân Nham; Nhật Tiến (old 06418) merged into it on 1 July 2025
                Address: "Xã Vân Nham (trước đây là xã Nhật Tiến), tỉnh Lạng Sơn",
                EstablishedOn: Min(new DateOnly(2018, 6, 20), _today),
                CharterCapital: 900_000_000L,
                MemberCount: 10,
                EmployeeCount: 6,
                Representative: "Lương Văn Hải",
                Phone: "0205 3825 071",
                Email: null,
                IsYouthCooperative: false,
                MainProducts: ["Bưởi", "Cây ăn quả, dịch vụ nông nghiệp"]);
            return [Cooperative.Register(caiKinh, _today, _now, _units), Cooperative.Register(nhatTien, _today, _now, _units)];
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        // ---- randomness helpers ---------------------------------------------------------------

        private int PickWeighted(int[] weights)
        {
            var total = weights.Sum();
            var roll = _rng.Next(total);
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }

        private void Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _rng.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}

/// <summary>A current commune passed to <see cref="DemoData.Build"/>.</summary>
/// <param name="Code">Commune code (5 digits, after the 1 July 2025 reform).</param>
/// <param name="Name">Official name, e.g. "Xã Biên Sơn" or "Phường Chũ".</param>
internal sealed record DemoCommune(string Code, string Name);
