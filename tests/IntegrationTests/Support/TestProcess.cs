using System.Runtime.CompilerServices;

namespace CoopApi.IntegrationTests.Support;

/// <summary>Settings of the test process itself, applied when the test assembly loads.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Several in-process API hosts (the shared fixture, the audit, limits and resilience hosts,
    /// the local OpenID Connect issuer) start at once through <c>WebApplicationFactory.StartServer()</c>,
    /// which blocks a thread until the host has migrated its database. On a 2-core machine the thread
    /// pool starts with 2 threads and adds about one a second, so those blocked starts starved the
    /// continuations of Npgsql's own connection attempts until they timed out ("The operation has
    /// timed out" in <c>DatabaseInitializer</c>, seen in 2 of ~10 full runs). Enough threads from the
    /// start keep the starts independent of each other.
    /// </summary>
    [ModuleInitializer]
    internal static void GiveTheThreadPoolRoom()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
