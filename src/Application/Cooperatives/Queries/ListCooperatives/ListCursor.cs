using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoopApi.Application.Common.Search;

namespace CoopApi.Application.Cooperatives.Queries.ListCooperatives;

/// <summary>The sort of a list: a key of <see cref="ListCooperativesQuery.SortKeys"/> and its direction.</summary>
/// <param name="Key">The sort key, e.g. <c>charterCapital</c>.</param>
/// <param name="Descending">Whether the largest value comes first.</param>
public readonly record struct ListSort(string Key, bool Descending)
{
    /// <summary>The sort of a validated <c>sort</c> parameter; <c>name</c> when none is given.</summary>
    /// <param name="sort">The parameter, e.g. <c>-charterCapital</c>.</param>
    public static ListSort Parse(string? sort) => string.IsNullOrEmpty(sort)
        ? new ListSort("name", false)
        : sort[0] == '-' ? new ListSort(sort[1..], true) : new ListSort(sort, false);

    /// <inheritdoc />
    public override string ToString() => Descending ? "-" + Key : Key;
}

/// <summary>
/// Where a page of the register starts when it is reached by keyset paging: the sort value and
/// the id of the last organization of the page before (ties are broken by id, so the pair is
/// unique in every sort; none of the sort columns is nullable).
/// </summary>
/// <param name="Sort">The sort the cursor was made for.</param>
/// <param name="Value">
/// The sort value of the last organization: a <see cref="string"/> (name), <see cref="DateOnly"/>
/// (establishedOn), <see cref="long"/> (charterCapital), <see cref="int"/> (memberCount) or
/// <see cref="DateTimeOffset"/> in UTC (createdAt).
/// </param>
/// <param name="Id">The id of the last organization.</param>
public sealed record ListCursor(ListSort Sort, object Value, Guid Id)
{
    // Cursor = base64url( payload bytes ‖ the first 8 bytes of SHA-256(Domain ‖ payload) );
    // payload = "1" LF sort LF filter fingerprint LF id LF value (UTF-8; the value last, so a
    // name may hold any character). The checksum is not a secret and needs none: a cursor only
    // names a position the client could ask for with filters; it catches a damaged, truncated or
    // hand-edited cursor, and the fingerprint a cursor sent with other filters or another sort.
    private const string Version = "1";
    private const int ChecksumBytes = 8;
    private const int MaxCursorLength = 2048;
    private static readonly byte[] Domain = "coopapi/list-cursor/v1\n"u8.ToArray();

    /// <summary>The longest cursor the API makes (a name of at most 255 characters fits well within).</summary>
    public const int MaxLength = MaxCursorLength;

    /// <summary>The cursor of the page that follows <paramref name="last"/> in the list <paramref name="query"/> asks for.</summary>
    /// <param name="query">The list query of the page <paramref name="last"/> is on.</param>
    /// <param name="last">The last organization of that page.</param>
    public static string Encode(ListCooperativesQuery query, CooperativeDto last)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(last);
        var sort = ListSort.Parse(query.Sort);
        var value = sort.Key switch
        {
            "establishedOn" => last.EstablishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "charterCapital" => last.CharterCapital.ToString(CultureInfo.InvariantCulture),
            "memberCount" => last.MemberCount.ToString(CultureInfo.InvariantCulture),
            "createdAt" => last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            _ => last.Name,
        };
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', Version, sort.ToString(), Fingerprint(query), last.Id.ToString("N"), value));
        var bytes = new byte[payload.Length + ChecksumBytes];
        payload.CopyTo(bytes, 0);
        Checksum(payload).CopyTo(bytes, payload.Length);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Reads the <c>cursor</c> of <paramref name="query"/>: the position, or why it cannot be used
    /// (<see cref="CursorProblem.Damaged"/>: not a cursor of this API; <see cref="CursorProblem.OtherList"/>:
    /// made for another sort or other filters).
    /// </summary>
    /// <param name="query">A list query with a cursor.</param>
    /// <param name="cursor">The position, when the cursor is good.</param>
    public static CursorProblem TryDecode(ListCooperativesQuery query, out ListCursor? cursor)
    {
        ArgumentNullException.ThrowIfNull(query);
        cursor = null;
        var text = query.Cursor;
        if (string.IsNullOrEmpty(text) || text.Length > MaxCursorLength || !Base64Url.IsValid(text))
        {
            return CursorProblem.Damaged;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return CursorProblem.Damaged;
        }

        if (bytes.Length <= ChecksumBytes)
        {
            return CursorProblem.Damaged;
        }

        var payload = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
        if (!CryptographicOperations.FixedTimeEquals(Checksum(payload), bytes.AsSpan(bytes.Length - ChecksumBytes)))
        {
            return CursorProblem.Damaged;
        }

        string[] parts;
        try
        {
            parts = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload).Split('\n', 5);
        }
        catch (DecoderFallbackException)
        {
            return CursorProblem.Damaged;
        }

        if (parts.Length != 5 || parts[0] != Version || !Guid.TryParseExact(parts[3], "N", out var id))
        {
            return CursorProblem.Damaged;
        }

        var sort = ListSort.Parse(parts[1]);
        if (parts[1] != ListSort.Parse(query.Sort).ToString() || parts[2] != Fingerprint(query))
        {
            return CursorProblem.OtherList;
        }

        object? value = sort.Key switch
        {
            "name" => parts[4],
            "establishedOn" => DateOnly.TryParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            "charterCapital" => long.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            "memberCount" => int.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
            "createdAt" => long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && t <= DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(t, TimeSpan.Zero) : null,
            _ => null,
        };
        if (value is null)
        {
            return CursorProblem.Damaged;
        }

        cursor = new ListCursor(sort, value, id);
        return CursorProblem.None;
    }

    /// <summary>
    /// The filters of a list in one canonical text (the order of repeated values and the spacing
    /// of the search words do not matter), hashed: a cursor holds it, so that it is refused with
    /// other filters. The page size is not part of it: a client may change it while it walks.
    /// </summary>
    private static string Fingerprint(ListCooperativesQuery q)
    {
        var canonical = string.Join('\u001f',
            string.Join(',', q.Kind.Select(k => (int)k).Distinct().Order()),
            string.Join(',', q.Sector.Select(k => (int)k).Distinct().Order()),
            string.Join(',', q.Status.Select(k => (int)k).Distinct().Order()),
            q.ProvinceCode ?? "",
            q.CommuneCode ?? "",
            q.IsYouthCooperative?.ToString() ?? "",
            q.EstablishedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            q.EstablishedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            string.Join(' ', SearchFunctions.LikeTerms(q.Q ?? "")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 8));
    }

    private static byte[] Checksum(ReadOnlySpan<byte> payload)
    {
        var data = new byte[Domain.Length + payload.Length];
        Domain.CopyTo(data, 0);
        payload.CopyTo(data.AsSpan(Domain.Length));
        return SHA256.HashData(data)[..ChecksumBytes];
    }
}

/// <summary>Why a cursor cannot be used.</summary>
public enum CursorProblem
{
    /// <summary>The cursor is good.</summary>
    None = 0,

    /// <summary>Not a cursor of this API: damaged, truncated or edited.</summary>
    Damaged = 1,

    /// <summary>A cursor of another list: made for another sort or other filters.</summary>
    OtherList = 2,
}
