namespace CoopApi.Application.Import;

/// <summary>What an import did (or, for a dry run or a refused atomic import, would have done).</summary>
public sealed record ImportReport
{
    /// <summary>Rows read from the file (the header not counted).</summary>
    /// <example>5000</example>
    public int RowsRead { get; init; }

    /// <summary>Organizations created (or that would be, when nothing was written).</summary>
    /// <example>4990</example>
    public int Created { get; init; }

    /// <summary>Organizations whose fields changed.</summary>
    /// <example>3</example>
    public int Updated { get; init; }

    /// <summary>Rows equal to the record already in the register.</summary>
    /// <example>5</example>
    public int Unchanged { get; init; }

    /// <summary>Rows refused; each is listed in <see cref="Errors"/> (up to <see cref="MaxErrors"/> errors).</summary>
    /// <example>2</example>
    public int Rejected { get; init; }

    /// <summary>True when the changes were written; false for a dry run or an atomic import with rejected rows.</summary>
    /// <example>true</example>
    public bool Written { get; init; }

    /// <summary>The request was a dry run (<c>dryRun=true</c>): nothing was written.</summary>
    /// <example>false</example>
    public bool DryRun { get; init; }

    /// <summary>All rows or none (the default); false: the good rows were written and the bad ones reported.</summary>
    /// <example>true</example>
    public bool Atomic { get; init; }

    /// <summary>Errors of the rejected rows, by row; a row may have several.</summary>
    public IReadOnlyList<ImportRowError> Errors { get; init; } = [];

    /// <summary>True when more errors were found than <see cref="MaxErrors"/>, the most listed.</summary>
    /// <example>false</example>
    public bool ErrorsTruncated { get; init; }

    /// <summary>Most errors listed in one report.</summary>
    public const int MaxErrors = 10_000;
}

/// <summary>Why a row was refused.</summary>
/// <param name="Row">Number of the row in the file: 1 is the first row under the header (spreadsheet row 2), or the first element of a JSON array.</param>
/// <param name="Column">The column as named in the file (or the field's name), when one column is at fault.</param>
/// <param name="Value">The value as read, when one column is at fault.</param>
/// <param name="Code">Stable code of the rule, e.g. <c>memberCount.belowMinimum</c>.</param>
/// <param name="Message">The rule's text in English or Vietnamese (by <c>Accept-Language</c>).</param>
public sealed record ImportRowError(int Row, string? Column, string? Value, string Code, string Message);
