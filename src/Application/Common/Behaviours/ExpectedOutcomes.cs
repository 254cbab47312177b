using CoopApi.Application.Common.Exceptions;
using CoopApi.Domain.Common;
using FluentValidation;

namespace CoopApi.Application.Common.Behaviours;

/// <summary>Exceptions that mean "the client asked for something we refuse", not "we broke".</summary>
internal static class ExpectedOutcomes
{
    public static bool IsExpected(Exception ex) => ex is ValidationException or NotFoundException
        or DomainException or DuplicateException or ConcurrencyConflictException;
}
