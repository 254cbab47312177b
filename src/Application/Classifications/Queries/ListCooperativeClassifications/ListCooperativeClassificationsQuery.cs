using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.Classifications.Queries.ListCooperativeClassifications;

/// <summary>Every year's classification of one organization, newest year first.</summary>
/// <param name="CooperativeId">The organization.</param>
/// <param name="IncludeHistory">Also return every revision of each year.</param>
public sealed record ListCooperativeClassificationsQuery(Guid CooperativeId, bool IncludeHistory) : IQuery<IReadOnlyList<ClassificationDto>>;

/// <summary>Handles <see cref="ListCooperativeClassificationsQuery"/>.</summary>
public sealed class ListCooperativeClassificationsQueryHandler(IClassificationReadModel classifications)
    : IRequestHandler<ListCooperativeClassificationsQuery, IReadOnlyList<ClassificationDto>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ClassificationDto>> Handle(ListCooperativeClassificationsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await classifications.ListForCooperativeAsync(request.CooperativeId, request.IncludeHistory, cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.CooperativeId);
    }
}
