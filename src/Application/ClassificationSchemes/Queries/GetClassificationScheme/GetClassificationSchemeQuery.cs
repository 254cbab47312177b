using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.ClassificationSchemes.Queries.GetClassificationScheme;

/// <summary>One classification scheme version by its code.</summary>
/// <param name="Code">The code, e.g. <c>circular-01-2020</c>.</param>
public sealed record GetClassificationSchemeQuery(string Code) : IQuery<ClassificationSchemeDto>;

/// <summary>Handles <see cref="GetClassificationSchemeQuery"/>.</summary>
public sealed class GetClassificationSchemeQueryHandler(IClassificationSchemeReadModel schemes)
    : IRequestHandler<GetClassificationSchemeQuery, ClassificationSchemeDto>
{
    /// <inheritdoc />
    public async Task<ClassificationSchemeDto> Handle(GetClassificationSchemeQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await schemes.FindAsync(request.Code, cancellationToken)
            ?? throw new NotFoundException("Classification scheme", "bộ tiêu chí phân loại", request.Code);
    }
}
