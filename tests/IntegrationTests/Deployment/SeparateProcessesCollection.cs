namespace CoopApi.IntegrationTests.Deployment;

/// <summary>
/// The deployment tests that start API processes of their own on databases of their own (the
/// `migrate` command with demo data, the API with the compose and Kubernetes environments, two
/// instances, a replica): they run alone, after the parallel collections. Their migrations and
/// demo-data loads are long transactions, and the change feed of every host on the same
/// PostgreSQL server waits for the oldest running transaction of the whole server (its fence,
/// <c>pg_snapshot_xmin</c>, is server-wide): run in parallel, they held back the feed tests of
/// the shared host (seen as feed tests failing only when the whole suite ran).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeparateProcessesCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "separate API processes";
}
