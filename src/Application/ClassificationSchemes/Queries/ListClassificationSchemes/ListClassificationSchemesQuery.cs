using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.ClassificationSchemes.Queries.ListClassificationSchemes;

/// <summary>Every classification scheme version.</summary>
public sealed record ListClassificationSchemesQuery : IQuery<IReadOnlyList<ClassificationSchemeDto>>;

/// <summary>Handles <see cref="ListClassificationSchemesQuery"/>.</summary>
public sealed class ListClassificationSchemesQueryHandler(IClassificationSchemeReadModel schemes)
    : IRequestHandler<ListClassificationSchemesQuery, IReadOnlyList<ClassificationSchemeDto>>
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ClassificationSchemeDto>> Handle(ListClassificationSchemesQuery request, CancellationToken cancellationToken) =>
        schemes.ListAsync(cancellationToken);
}
