using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AnnualReports;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.AnnualReports.Commands.PutAnnualReport;

/// <summary>
/// Files or replaces the figures of one organization for one year. Value fields are nullable so
/// that a missing one is reported as required instead of silently becoming 0.
/// </summary>
[PublicName("AnnualReportFigures")]
public sealed record PutAnnualReportCommand : ICommand<PutAnnualReportResult>
{
    /// <summary>The organization (from the route).</summary>
    [JsonIgnore]
    public Guid CooperativeId { get; init; }

    /// <summary>The year (from the route).</summary>
    [JsonIgnore]
    public int Year { get; init; }

    /// <summary>
    /// The version the client last read (from <c>If-Match</c>): required to replace figures that
    /// exist; null to file them for the first time.
    /// </summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>True when the client sent <c>If-None-Match: *</c>: file only, never replace.</summary>
    [JsonIgnore]
    public bool CreateOnly { get; init; }

    /// <summary>Revenue of the year (doanh thu), VND, ≥ 0 (required).</summary>
    /// <example>12500000000</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxAmount)]
    public long? Revenue { get; init; }

    /// <summary>Pre-tax profit (lợi nhuận trước thuế), VND (required); a loss is negative.</summary>
    /// <example>-150000000</example>
    [FieldRules(Required = true, Minimum = -AnnualReportRules.MaxAmount, Maximum = AnnualReportRules.MaxAmount)]
    public long? PreTaxProfit { get; init; }

    /// <summary>Charter capital at the year's end (vốn điều lệ), VND, ≥ 0 (required).</summary>
    /// <example>1500000000</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxAmount)]
    public long? CharterCapital { get; init; }

    /// <summary>Equity at the year's end (vốn chủ sở hữu), VND, ≥ 0 (required).</summary>
    /// <example>2100000000</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxAmount)]
    public long? Equity { get; init; }

    /// <summary>Total capital at the year's end (tổng nguồn vốn: equity and liabilities), VND, not below the equity (required).</summary>
    /// <example>6000000000</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxAmount)]
    public long? TotalCapital { get; init; }

    /// <summary>Official members (required).</summary>
    /// <example>210</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxCount)]
    public int? OfficialMembers { get; init; }

    /// <summary>Associate members (required; 0 if none).</summary>
    /// <example>40</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxCount)]
    public int? AssociateMembers { get; init; }

    /// <summary>Employees (required; 0 if none).</summary>
    /// <example>18</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxCount)]
    public int? Employees { get; init; }

    /// <summary>Average income of a member in the year, VND, ≥ 0 (required).</summary>
    /// <example>62000000</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = AnnualReportRules.MaxAmount)]
    public long? AverageMemberIncome { get; init; }

    /// <summary>Share of the members' needs served, percent from 0 to 100 with at most 2 decimals (required).</summary>
    /// <example>72.5</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = 100)]
    public decimal? MemberNeedsServedShare { get; init; }

    /// <summary>The figures as the domain takes them (after validation: every value present).</summary>
    public AnnualReportFigures ToFigures() => new(Revenue!.Value, PreTaxProfit!.Value, CharterCapital!.Value, Equity!.Value,
        TotalCapital!.Value, OfficialMembers!.Value, AssociateMembers!.Value, Employees!.Value, AverageMemberIncome!.Value,
        MemberNeedsServedShare!.Value);
}

/// <summary>What a <see cref="PutAnnualReportCommand"/> did.</summary>
public enum PutAnnualReportOutcome
{
    /// <summary>The figures were filed for the first time.</summary>
    Created,

    /// <summary>Existing figures were replaced (or found identical).</summary>
    Replaced,

    /// <summary>Figures exist and the client named no version: nothing was written; the client must send <c>If-Match</c>.</summary>
    PreconditionRequired,
}

/// <summary>The outcome of a <see cref="PutAnnualReportCommand"/> and the report as stored (null when nothing was written).</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Report">The report as stored now.</param>
public sealed record PutAnnualReportResult(PutAnnualReportOutcome Outcome, AnnualReportDto? Report);

/// <summary>Validates the figures field by field (every broken field at once) and the year against today.</summary>
public sealed class PutAnnualReportCommandValidator : AbstractValidator<PutAnnualReportCommand>
{
    /// <summary>Creates the rules.</summary>
    public PutAnnualReportCommandValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Year).Satisfies((_, v) => AnnualReportRules.CheckYear(v, calendar.Today));
        RuleFor(x => x.Revenue).Satisfies((_, v) => AnnualReportRules.CheckAmount("revenue", v));
        RuleFor(x => x.PreTaxProfit).Satisfies((_, v) => AnnualReportRules.CheckProfit(v));
        RuleFor(x => x.CharterCapital).Satisfies((_, v) => AnnualReportRules.CheckAmount("charterCapital", v));
        RuleFor(x => x.Equity).Satisfies((_, v) => AnnualReportRules.CheckAmount("equity", v));
        RuleFor(x => x.TotalCapital).Satisfies((x, v) =>
            AnnualReportRules.CheckAmount("totalCapital", v) ?? AnnualReportRules.CheckTotalCapitalCoversEquity(v, x.Equity));
        RuleFor(x => x.OfficialMembers).Satisfies((_, v) => AnnualReportRules.CheckCount("officialMembers", v));
        RuleFor(x => x.AssociateMembers).Satisfies((_, v) => AnnualReportRules.CheckCount("associateMembers", v));
        RuleFor(x => x.Employees).Satisfies((_, v) => AnnualReportRules.CheckCount("employees", v));
        RuleFor(x => x.AverageMemberIncome).Satisfies((_, v) => AnnualReportRules.CheckAmount("averageMemberIncome", v));
        RuleFor(x => x.MemberNeedsServedShare).Satisfies((_, v) => AnnualReportRules.CheckShare(v));
    }
}

/// <summary>
/// Handles <see cref="PutAnnualReportCommand"/>: loads the organization (404 when it is not in the
/// register), checks the caller may write in its province (403), then files the figures when
/// there are none for the year, or replaces them when the client named their current version.
/// </summary>
public sealed class PutAnnualReportCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<PutAnnualReportCommand, PutAnnualReportResult>
{
    /// <inheritdoc />
    public async Task<PutAnnualReportResult> Handle(PutAnnualReportCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organization = await db.Cooperatives.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CooperativeId, cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.CooperativeId);
        currentUser.EnsureCanWriteIn(organization.ProvinceCode);
        var reports = db.Set<AnnualReport>();
        var report = await reports.FirstOrDefaultAsync(r => r.CooperativeId == request.CooperativeId && r.Year == request.Year, cancellationToken);
        if (report is null)
        {
            if (request.ExpectedVersion is not null)
            {
                // If-Match names a version of figures that do not exist (any more).
                throw new ConcurrencyConflictException(clientPrecondition: true);
            }

            report = AnnualReport.File(organization, request.Year, request.ToFigures(), calendar.Today, calendar.Now);
            reports.Add(report);
            await SaveAsync(cancellationToken);
            return new PutAnnualReportResult(PutAnnualReportOutcome.Created, report.ToDto());
        }

        if (request.ExpectedVersion is not { } expected)
        {
            return request.CreateOnly
                ? throw new ConcurrencyConflictException(clientPrecondition: true)
                : new PutAnnualReportResult(PutAnnualReportOutcome.PreconditionRequired, null);
        }

        if (expected != report.Version)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        // The figures move to the organization's current province: a write in both.
        currentUser.EnsureCanWriteIn(organization.ProvinceCode, report.ProvinceCode);
        report.Replace(organization, request.ToFigures(), calendar.Today, calendar.Now);
        await SaveAsync(cancellationToken);
        return new PutAnnualReportResult(PutAnnualReportOutcome.Replaced, report.ToDto());
    }

    /// <summary>
    /// Saves; a lost race is a failed precondition from the client's point of view: figures it
    /// meant to file were filed by another writer first, or figures it meant to replace changed.
    /// </summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }
    }
}
