using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Domain.AdministrativeUnits;
using MediatR;

namespace CoopApi.Application.DevelopmentTargets.Commands.ReplaceDevelopmentTarget;

/// <summary>Replaces every field of a target (PUT; PATCH is turned into this with the stored fields).</summary>
[PublicName("DevelopmentTargetReplacement")]
public sealed record ReplaceDevelopmentTargetCommand : DevelopmentTargetFields, ICommand<DevelopmentTargetDto>
{
    /// <summary>The target (from the route).</summary>
    [JsonIgnore]
    public Guid TargetId { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int ExpectedVersion { get; init; }
}

/// <summary>Validates a replacement.</summary>
public sealed class ReplaceDevelopmentTargetCommandValidator(IVietnamCalendar calendar, IAdministrativeUnits units)
    : DevelopmentTargetFieldsValidator<ReplaceDevelopmentTargetCommand>(calendar, units);

/// <summary>Handles <see cref="ReplaceDevelopmentTargetCommand"/>: a target moved to another province needs both provinces.</summary>
public sealed class ReplaceDevelopmentTargetCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<ReplaceDevelopmentTargetCommand, DevelopmentTargetDto>
{
    /// <inheritdoc />
    public async Task<DevelopmentTargetDto> Handle(ReplaceDevelopmentTargetCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await DevelopmentTargetLoader.TargetAsync(db, request.TargetId, cancellationToken);
        currentUser.EnsureCanWriteIn(target.ProvinceCode, request.ProvinceCode!);
        DevelopmentTargetLoader.EnsureVersion(target, request.ExpectedVersion);
        target.Replace(request.ToFields(), calendar.Today, calendar.Now);
        await DevelopmentTargetLoader.SaveAsync(db, clientNamedVersion: true, cancellationToken);
        return target.ToDto();
    }
}
