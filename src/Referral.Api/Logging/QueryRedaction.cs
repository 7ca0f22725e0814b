using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Referral.Api.Logging;

/// <summary>
/// Takes query values out of every log record, whatever its category, level or provider. A
/// query can carry personal data (a patientRef that is an NHS number, say), and the framework
/// logs whole URLs ("Request starting ... /v1/profiles?patientRef=...") before any middleware
/// of ours runs, so filtering categories or redacting in middleware would miss some. Paths stay:
/// they hold only ids this API made.
/// </summary>
public static partial class QueryRedaction
{
    public const string Redacted = "?[query redacted]";

    /// <summary>Replaces the logger factory with one whose loggers redact, over the same providers and filters.</summary>
    public static IServiceCollection AddQueryRedactingLogging(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));

    public static string Redact(string text) => Query().Replace(text, Redacted);

    internal static object? Redact(object? value) => value switch
    {
        // A bare query value (the hosting log's QueryString field) is all query.
        string text when text.StartsWith('?') => Redacted,
        string text => Redact(text),
        QueryString query => query.HasValue ? Redacted : value,
        // PathString renders a '?' that was sent encoded as %3F, which the pattern also takes.
        PathString path => Redact(path.ToString()),
        Uri uri => Redact(uri.ToString()),
        _ => value,
    };

    // A query starts at the first '?' (or '%3F', an encoded one) that follows a '/' in the same
    // run of non-space characters, whatever stands between, and runs to the next space: a
    // client controls the URL, so no character before or inside the query is trusted to end it.
    // "Is it ready? Yes" has no '/' before its '?' and is left alone.
    [GeneratedRegex(@"(?<=/\S*?)(?:\?|%3[Ff])\S*")]
    private static partial Regex Query();

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        // Scopes are written with records too (the hosting scope carries the request path).
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? inner.BeginScope(new RedactedState([.. pairs.Select(p => new KeyValuePair<string, object?>(p.Key, Redact(p.Value)))], Redact(state.ToString() ?? string.Empty)))
                : inner.BeginScope(Redact(state.ToString() ?? string.Empty));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = Redact(formatter(state, exception));
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, Redact(p.Value))).ToList()
                : [];
            inner.Log(logLevel, eventId, new RedactedState(fields, message), exception, static (s, _) => s.Message);
        }
    }

    /// <summary>The record as providers see it: its fields redacted, and its message already formatted.</summary>
    private sealed class RedactedState(List<KeyValuePair<string, object?>> fields, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => fields.Count;

        public KeyValuePair<string, object?> this[int index] => fields[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
