using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.UnitTests.Cooperatives;

public class StatusTransitionsTests
{
    [Fact]
    public void Table_EqualsTheTransitionsTheLawAllows()
    {
        var table = Enum.GetValues<OrganizationStatus>()
            .SelectMany(from => StatusTransitions.From(from).Select(to => (from, to)))
            .ToHashSet();

        Assert.True(table.SetEquals(Samples.AllowedByTheLaw),
            $"Product table: {string.Join(", ", table)}; Allowed: {string.Join(", ", Samples.AllowedByTheLaw)}");
    }

    [Fact]
    public void IsAllowed_AgreesWithTheLawOnEveryPair()
    {
        foreach (var from in Enum.GetValues<OrganizationStatus>())
        {
            foreach (var to in Enum.GetValues<OrganizationStatus>())
            {
                Assert.True(Samples.AllowedByTheLaw.Contains((from, to)) == StatusTransitions.IsAllowed(from, to),
                    $"{from} → {to}");
            }
        }
    }

    [Fact]
    public void From_Dissolved_IsEmpty()
    {
        Assert.Empty(StatusTransitions.From(OrganizationStatus.Dissolved));
    }

    [Fact]
    public void From_EveryStatus_NeverContainsItself()
    {
        Assert.All(Enum.GetValues<OrganizationStatus>(), s => Assert.DoesNotContain(s, StatusTransitions.From(s)));
    }

    [Fact]
    public void UnknownStatus_HasNoTransitions()
    {
        Assert.Empty(StatusTransitions.From((OrganizationStatus)99));
        Assert.False(StatusTransitions.IsAllowed((OrganizationStatus)99, OrganizationStatus.Active));
        Assert.False(StatusTransitions.IsAllowed(OrganizationStatus.Active, (OrganizationStatus)99));
    }
}
