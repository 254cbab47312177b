using FluentValidation;

namespace CoopApi.Architecture.Tests.Fixtures.Elsewhere;

/// <summary>Validates a request that lives in another namespace.</summary>
public sealed class OpenQueryValidator : AbstractValidator<OpenQuery>;
