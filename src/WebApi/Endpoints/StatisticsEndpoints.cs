using System.Globalization;
using System.Reflection;
using CoopApi.Application.Statistics;
using CoopApi.Application.Statistics.Queries.GetEstablishments;
using CoopApi.Application.Statistics.Queries.GetStatisticsByArea;
using CoopApi.Application.Statistics.Queries.GetStatisticsOverview;
using CoopApi.Domain.Statistics;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// Statistics for dashboards: the overview of the register in an area on a date, foundings and
/// dissolutions per year, and the overview per area for maps. Every answer is also CSV
/// (<c>Accept: text/csv</c> or <c>format=csv</c>), carries an <c>ETag</c> and <c>Cache-Control</c>,
/// and answers <c>If-None-Match</c> with 304.
/// </summary>
internal sealed class StatisticsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("api/v1/statistics", "Statistics");
        group.MapGet("overview", GetStatisticsOverview).WithName(nameof(GetStatisticsOverview))
            .RequireStatisticsRead()
            .WithMetadata(new QueryParametersMetadata(typeof(GetStatisticsOverviewQuery)))
            .Produces<StatisticsOverviewDto>()
            .ProducesFieldErrors();
        group.MapGet("establishments", GetEstablishments).WithName(nameof(GetEstablishments))
            .RequireStatisticsRead()
            .WithMetadata(new QueryParametersMetadata(typeof(GetEstablishmentsQuery)))
            .Produces<EstablishmentsDto>()
            .ProducesFieldErrors();
        group.MapGet("by-area", GetStatisticsByArea).WithName(nameof(GetStatisticsByArea))
            .RequireStatisticsRead()
            .WithMetadata(new QueryParametersMetadata(typeof(GetStatisticsByAreaQuery)))
            .Produces<StatisticsByAreaDto>()
            .ProducesFieldErrors();
    }

    /// <summary>The overview of the register in an area on a date.</summary>
    /// <remarks>
    /// Organizations founded by <c>asOf</c> (default today) and not dissolved by then, in the whole
    /// register, a <c>provinceCode</c> or a <c>communeCode</c>: totals (organizations per kind, charter
    /// capital, members, employees, youth cooperatives, valid OCOP products), then per kind with the
    /// status in force on the date (from the status history), per sector, per sector group
    /// (agricultural, non-agricultural, credit) and OCOP products per stars. Shares in percent, 2 decimals.
    /// Capital, members and employees are the values the register holds now. One round trip of SQL aggregates.
    /// Example: <c>GET /api/v1/statistics/overview?provinceCode=20&amp;asOf=2021-01-22</c> (445 cooperatives,
    /// 192 cooperative groups, 1 union in the demo data); <c>format=csv</c> for a spreadsheet.
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The overview.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid; an unknown province or commune, a commune outside the province, a date in the future.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> GetStatisticsOverview(StatisticsOverviewParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }

    /// <summary>Foundings, suspensions and dissolutions per year and kind.</summary>
    /// <remarks>
    /// Each year from <c>fromYear</c> to <c>toYear</c> (default: the last 10 years, at most 50) and each
    /// kind: organizations founded (by founding date), suspended and dissolved (by the date the status
    /// change took effect), and the net change (founded − dissolved), in the whole register, a
    /// <c>provinceCode</c> or a <c>communeCode</c>. Every year and kind is listed, zeros included.
    /// Example: <c>GET /api/v1/statistics/establishments?fromYear=2021&amp;toYear=2025&amp;provinceCode=20</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One line per year and kind.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="400">A parameter is unknown or invalid; fromYear after toYear, a year in the future, more than 50 years, an unknown area.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> GetEstablishments(EstablishmentsParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }

    /// <summary>The overview per province or per commune, for maps.</summary>
    /// <remarks>
    /// <c>level=province</c>: one line per province (34); <c>level=commune</c> with <c>provinceCode</c>:
    /// one line per commune of the province. Every area is listed, zeros included, with its code (the
    /// key a map joins on) and name; figures as of <c>asOf</c> (default today), as in the overview.
    /// Example: <c>GET /api/v1/statistics/by-area?level=commune&amp;provinceCode=20</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One line per area.</response>
    /// <response code="304">Unchanged since the ETag named in If-None-Match.</response>
    /// <response code="400">A parameter is unknown or invalid; level missing, communes without provinceCode, a date in the future.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the read scope.</response>
    public static async Task<IResult> GetStatisticsByArea(StatisticsByAreaParameters parameters, IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TypedResults.Ok(await mediator.Send(parameters.Query, ct));
    }
}

/// <summary>The query string of the overview, read strictly.</summary>
internal sealed class StatisticsOverviewParameters
{
    /// <summary>The query to send.</summary>
    public required GetStatisticsOverviewQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<StatisticsOverviewParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new GetStatisticsOverviewQuery { ProvinceCode = q.String("provinceCode"), CommuneCode = q.String("communeCode"), AsOf = q.Date("asOf") };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<StatisticsOverviewParameters?>(new StatisticsOverviewParameters { Query = query });
    }
}

/// <summary>The query string of the establishments, read strictly.</summary>
internal sealed class EstablishmentsParameters
{
    /// <summary>The query to send.</summary>
    public required GetEstablishmentsQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<EstablishmentsParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new GetEstablishmentsQuery
        {
            FromYear = q.Parsed("fromYear", ParseYear, ExpectedValues.Integer(1945, 2100)),
            ToYear = q.Parsed("toYear", ParseYear, ExpectedValues.Integer(1945, 2100)),
            ProvinceCode = q.String("provinceCode"),
            CommuneCode = q.String("communeCode"),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<EstablishmentsParameters?>(new EstablishmentsParameters { Query = query });
    }

    private static int? ParseYear(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1945 and <= 2100 ? year : null;
}

/// <summary>The query string of the overview per area, read strictly.</summary>
internal sealed class StatisticsByAreaParameters
{
    /// <summary>The query to send.</summary>
    public required GetStatisticsByAreaQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<StatisticsByAreaParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new GetStatisticsByAreaQuery
        {
            Level = q.Parsed("level", v => StrictEnum.TryParse<AreaLevel>(v, out var level) ? level : (AreaLevel?)null,
                ExpectedValues.For(typeof(AreaLevel))),
            ProvinceCode = q.String("provinceCode"),
            AsOf = q.Date("asOf"),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<StatisticsByAreaParameters?>(new StatisticsByAreaParameters { Query = query });
    }
}
