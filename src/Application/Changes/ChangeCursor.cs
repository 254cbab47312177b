using System.Globalization;

namespace CoopApi.Application.Changes;

/// <summary>
/// A position in the change feed: the writing transaction's id and the row's id of the last entry
/// read, written <c>"&lt;xact&gt;-&lt;id&gt;"</c> (decimal, no leading zeros). Clients treat it as
/// opaque. Entries come in (transaction id, row id) order, and only from transactions below the
/// reading snapshot's xmin (docs/decisions/0015-change-feed-cursor.md).
/// </summary>
/// <param name="TransactionId">Top-level id (<c>xid8</c>) of the transaction that wrote the entry.</param>
/// <param name="Id">Row id of the entry.</param>
public readonly record struct ChangeCursor(ulong TransactionId, long Id)
{
    /// <summary>Before the first entry.</summary>
    public static ChangeCursor Start { get; } = new(0, 0);

    /// <summary>Reads a cursor this API issued; false for anything else.</summary>
    public static bool TryParse(string? text, out ChangeCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(text) || text.Length > 41)
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == text.Length - 1)
        {
            return false;
        }

        var xact = text.AsSpan(0, dash);
        var id = text.AsSpan(dash + 1);
        if (!Canonical(xact) || !Canonical(id)
            || !ulong.TryParse(xact, NumberStyles.None, CultureInfo.InvariantCulture, out var x)
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            return false;
        }

        cursor = new ChangeCursor(x, i);
        return true;
    }

    /// <summary>The cursor as clients see it.</summary>
    public override string ToString() =>
        TransactionId.ToString(CultureInfo.InvariantCulture) + "-" + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Digits only, and no leading zero unless it is just "0": one spelling per cursor.</summary>
    private static bool Canonical(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return digits.Length == 1 || digits[0] != '0';
    }
}
