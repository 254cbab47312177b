using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using MediatR;

namespace CoopApi.Application.Cooperatives.Commands.DeleteCooperative;

/// <summary>
/// Withdraws an entry made in error: removes the organization and its registration entry,
/// allowed only while no status change has been recorded (the domain's rule). The
/// <c>CooperativeDeleted</c> event stays in the outbox; the registration code becomes free.
/// </summary>
/// <param name="Id">The organization (from the route).</param>
/// <param name="ExpectedVersion">The version the client last read (from <c>If-Match</c>).</param>
public sealed record DeleteCooperativeCommand(Guid Id, int? ExpectedVersion) : ICommand<Unit>;

/// <summary>Handles <see cref="DeleteCooperativeCommand"/>: the caller must hold the record's province.</summary>
public sealed class DeleteCooperativeCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<DeleteCooperativeCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(DeleteCooperativeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cooperative = await CooperativeLoader.LoadForChangeAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        currentUser.EnsureCanWriteIn(cooperative.ProvinceCode);
        cooperative.Withdraw(calendar.Now);
        // The status history goes with the row (ON DELETE CASCADE); its entries are not loaded.
        db.Cooperatives.Remove(cooperative);
        await CooperativeLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return Unit.Value;
    }
}
