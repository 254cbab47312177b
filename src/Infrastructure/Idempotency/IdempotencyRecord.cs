namespace CoopApi.Infrastructure.Idempotency;

/// <summary>
/// A row of <c>idempotency_records</c>: the response given to one client's request under one
/// <c>Idempotency-Key</c>. Written only by <see cref="IdempotencyStore"/> (plain SQL); mapped
/// so that the table belongs to the model and its migration.
/// </summary>
internal sealed class IdempotencyRecord
{
    public string ClientId { get; set; } = "";

    public string Key { get; set; } = "";

    public string RequestFingerprint { get; set; } = "";

    public string Method { get; set; } = "";

    public string Path { get; set; } = "";

    public Guid RequestId { get; set; }

    public int StatusCode { get; set; }

    public string Headers { get; set; } = "{}";

    public byte[] Body { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
