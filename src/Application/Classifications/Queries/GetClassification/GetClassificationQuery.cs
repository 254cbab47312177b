using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Classifications.Queries.GetClassification;

/// <summary>
/// One classification: by its <see cref="Id"/>, or by the organization and the year
/// (<see cref="CooperativeId"/>, <see cref="Year"/>).
/// </summary>
public sealed record GetClassificationQuery : IQuery<ClassificationDto>
{
    /// <summary>The classification's id; or null to find it by organization and year.</summary>
    public Guid? Id { get; init; }

    /// <summary>The organization (with <see cref="Year"/>).</summary>
    public Guid CooperativeId { get; init; }

    /// <summary>The year (with <see cref="CooperativeId"/>).</summary>
    public int Year { get; init; }

    /// <summary>Also return every revision.</summary>
    public bool IncludeHistory { get; init; }
}

/// <summary>Handles <see cref="GetClassificationQuery"/>.</summary>
public sealed class GetClassificationQueryHandler(IClassificationReadModel classifications) : IRequestHandler<GetClassificationQuery, ClassificationDto>
{
    /// <inheritdoc />
    public async Task<ClassificationDto> Handle(GetClassificationQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = request.Id is { } id
            ? await classifications.FindAsync(id, request.IncludeHistory, cancellationToken)
            : await classifications.FindAsync(request.CooperativeId, request.Year, request.IncludeHistory, cancellationToken);
        return found ?? throw new NotFoundException("Classification", "kết quả phân loại",
            request.Id?.ToString() ?? $"{request.CooperativeId}/{request.Year}");
    }
}
