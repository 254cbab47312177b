namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// The one SQL definition of "an organization's status on a date", shared by the statistics (the
/// status on <c>asOf</c>) and the development targets (the status on each measured date).
/// </summary>
/// <remarks>
/// The status on a date is the <c>to_status</c> of the organization's latest status change taking
/// effect on or before it: the history is append-only and its effective dates never go back
/// (docs/decisions/0010-history-is-append-only.md), so the highest sequence among those changes is
/// the one in force. An organization without any such change counts as <c>active</c> (its
/// registration, sequence 0, takes effect on its founding date). One probe of
/// <c>ix_status_changes_cooperative_id_sequence</c> per organization, read backwards.
/// </remarks>
internal static class StatusOnDate
{
    /// <summary>The scalar SQL expression of the status of <paramref name="organization"/> on <paramref name="day"/>.</summary>
    /// <param name="organization">The alias of the <c>cooperatives</c> row, e.g. <c>c</c>.</param>
    /// <param name="day">A SQL expression of type <c>date</c>, e.g. <c>$1</c> or <c>d.day</c>.</param>
    internal static string Sql(string organization, string day) =>
        "coalesce((SELECT s.to_status FROM status_changes AS s WHERE s.cooperative_id = " + organization + ".id AND s.effective_on <= "
        + day + " ORDER BY s.sequence DESC LIMIT 1), 'active')";
}
