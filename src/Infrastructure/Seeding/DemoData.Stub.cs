using CoopApi.Domain.Cooperatives;
namespace CoopApi.Infrastructure.Seeding;
/// <summary>TEMPORARY stub until DemoData.cs lands.</summary>
internal sealed record DemoCommune(string Code, string Name);
/// <summary>TEMPORARY stub.</summary>
internal static class DemoData
{
    /// <summary>Stub.</summary>
    public static IReadOnlyList<Cooperative> Build(IReadOnlyList<DemoCommune> communes, DateOnly today, DateTimeOffset now) => [];
}
