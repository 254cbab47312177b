using CoopApi.Application.Cooperatives.Commands.ChangeCooperativeStatus;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.UnitTests.Validators;

public class ChangeCooperativeStatusCommandValidatorTests
{
    private static readonly ChangeCooperativeStatusCommand Valid = new()
    {
        Id = Guid.CreateVersion7(),
        Status = OrganizationStatus.Suspended,
        EffectiveOn = new DateOnly(2025, 6, 30),
        Reason = "Quyết định số 125/QĐ-UBND",
    };

    private readonly ChangeCooperativeStatusCommandValidator _validator = new();

    [Fact]
    public void Validate_CompleteCommand_IsValid()
    {
        Assert.True(_validator.Validate(Valid).IsValid);
    }

    [Theory]
    [InlineData(OrganizationStatus.Active)]
    [InlineData(OrganizationStatus.Suspended)]
    [InlineData(OrganizationStatus.AwaitingDissolution)]
    [InlineData(OrganizationStatus.Dissolved)]
    public void Validate_AnyKnownStatus_IsValid(OrganizationStatus status)
    {
        // Whether the transition is allowed is the domain's business, not the validator's.
        Assert.True(_validator.Validate(Valid with { Status = status }).IsValid);
    }

    [Fact]
    public void Validate_MissingStatus_OneRequiredError()
    {
        using var _ = new UiCulture("en-US");

        var error = Assert.Single(_validator.Validate(Valid with { Status = null }).Errors);

        Assert.Equal("status", error.PropertyName);
        Assert.Equal("The new status is required.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_UnknownStatus_IsInvalid()
    {
        var error = Assert.Single(_validator.Validate(Valid with { Status = (OrganizationStatus)99 }).Errors);

        Assert.Equal("status", error.PropertyName);
    }

    [Fact]
    public void Validate_MissingEffectiveDate_IsInvalid()
    {
        var error = Assert.Single(_validator.Validate(Valid with { EffectiveOn = null }).Errors);

        Assert.Equal("effectiveOn", error.PropertyName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingReason_OneRequiredError(string? reason)
    {
        using var _ = new UiCulture("vi-VN");

        var error = Assert.Single(_validator.Validate(Valid with { Reason = reason }).Errors);

        Assert.Equal("reason", error.PropertyName);
        Assert.Equal("Phải nêu lý do thay đổi trạng thái.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_Reason1001Characters_IsInvalid()
    {
        var error = Assert.Single(_validator.Validate(Valid with { Reason = new string('x', 1001) }).Errors);

        Assert.Equal("reason", error.PropertyName);
    }

    [Fact]
    public void Validate_Reason1000CharactersWithSurroundingSpaces_IsValid()
    {
        // Same rule as the domain: the reason is measured trimmed.
        Assert.True(_validator.Validate(Valid with { Reason = "  " + new string('x', 1000) + "  " }).IsValid);
    }

    [Fact]
    public void Validate_EverythingMissing_ReportsEachField()
    {
        var result = _validator.Validate(new ChangeCooperativeStatusCommand());

        Assert.Equal(["effectiveOn", "reason", "status"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal).ToArray());
    }
}
