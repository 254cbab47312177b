using System.Text.Json.Nodes;
using CoopApi.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoopApi.IntegrationTests.Api;

/// <summary>An exception nobody planned for must not leak internals.</summary>
public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task UnexpectedException_Becomes500Problem_WithTraceIdAndNoStackTrace()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/api/v1/cooperatives";
        http.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(NullLogger<ProblemExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(http, new InvalidOperationException("secret connection string Password=hunter2"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        http.Response.Body.Position = 0;
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        var body = JsonNode.Parse(text)!;
        Assert.Equal(500, (int)body["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["traceId"]));
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }
}

/// <summary>An unexpected error is logged exactly once, by the exception handler, naming the request that failed.</summary>
public sealed class UnexpectedErrorLoggingTests
{
    [Fact]
    public async Task UnexpectedException_IsLoggedOnce_AsAnError_WithTheRequestType()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var logger = new CountingLogger();
        var boom = new InvalidOperationException("boom");
        boom.Data[CoopApi.Application.Common.Behaviours.UnhandledExceptions.RequestTypeKey] = "GetCooperativeQuery";

        await new ProblemExceptionHandler(logger).TryHandleAsync(http, boom, CancellationToken.None);

        var (level, message, exception) = Assert.Single(logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, level);
        Assert.Same(boom, exception);
        Assert.Contains("GetCooperativeQuery", message, StringComparison.Ordinal);
    }

    private sealed class CountingLogger : Microsoft.Extensions.Logging.ILogger<ProblemExceptionHandler>
    {
        public List<(Microsoft.Extensions.Logging.LogLevel, string, Exception?)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
