using CoopApi.Infrastructure.Idempotency;
using Microsoft.Extensions.Configuration;

namespace CoopApi.IntegrationTests.Idempotency;

/// <summary>Keys are kept at least 24 hours: the setting may lengthen that, never shorten it.</summary>
public sealed class IdempotencyOptionsTests
{
    private static IdempotencyOptions Read(params (string Key, string Value)[] settings) => IdempotencyOptions.From(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Defaults_Keep24Hours_PurgeEvery10MinutesInBatchesOf1000()
    {
        var options = Read();

        Assert.Equal((24, 10, 1000), (options.RetentionHours, options.PurgeIntervalMinutes, options.PurgeBatchSize));
    }

    [Fact]
    public void ALongerRetention_IsTaken()
    {
        Assert.Equal(72, Read(("Idempotency:RetentionHours", "72")).RetentionHours);
    }

    [Theory]
    [InlineData("Idempotency:RetentionHours", "23")]
    [InlineData("Idempotency:RetentionHours", "a day")]
    [InlineData("Idempotency:PurgeIntervalMinutes", "0")]
    [InlineData("Idempotency:PurgeBatchSize", "-1")]
    public void AnImpossibleSetting_StopsTheStart_NamingIt(string key, string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Read((key, value)));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
