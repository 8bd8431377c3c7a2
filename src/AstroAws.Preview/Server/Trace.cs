using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Aws.Preview.Server;

/// <summary>One origin fetch of a request, in order.</summary>
public sealed record OriginFetch(
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("note")] string? Note = null,
    [property: JsonPropertyName("reached")] OriginRequest? Reached = null);

/// <summary>What of the viewer's request reached a function URL origin: the path, the query string, cookie and header names.</summary>
public sealed record OriginRequest(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("cookies")] IReadOnlyList<string> Cookies,
    [property: JsonPropertyName("headers")] IReadOnlyList<string> Headers);

/// <summary>What one viewer request did: a line of the JSON-lines trace (--trace) and of the console.</summary>
public sealed record TraceEntry(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("distribution")] string Distribution,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("behavior")] string Behavior,
    [property: JsonPropertyName("function")] string? Function,
    [property: JsonPropertyName("origins")] IReadOnlyList<OriginFetch> Origins,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("answeredBy")] string AnsweredBy,
    [property: JsonPropertyName("cache")] string Cache,
    [property: JsonPropertyName("ms")] double Milliseconds)
{
    /// <summary>The request class the summary counts by: behavior, method class and who answered.</summary>
    [JsonIgnore]
    public string RequestClass => $"{Behavior} {(Method is "GET" or "HEAD" ? "GET/HEAD" : Method)} -> {AnsweredBy}";
}

/// <summary>Writes each request's trace to the console and the JSON-lines file, and sums origin fetches per request class.</summary>
public sealed class Tracer(TextWriter console, string? file) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly StreamWriter? writer = file is null ? null : new StreamWriter(file, append: false) { AutoFlush = true };
    private readonly ConcurrentDictionary<string, (int Requests, int Fetches, ConcurrentDictionary<string, int> ByOrigin)> classes = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public void Record(TraceEntry entry)
    {
        var origins = entry.Origins.Count == 0 ? "-" : string.Join(", ", entry.Origins.Select(o => $"{o.Origin} {o.Status}"));
        lock (gate)
        {
            console.WriteLine($"{entry.Method} {entry.Path} -> {entry.Status} [{entry.Behavior}] fn={entry.Function ?? "-"} origins=[{origins}] {entry.Cache} {entry.Milliseconds:0}ms");
            writer?.WriteLine(JsonSerializer.Serialize(entry, Json));
        }

        classes.AddOrUpdate(
            entry.RequestClass,
            _ => (1, entry.Origins.Count, Count(new ConcurrentDictionary<string, int>(StringComparer.Ordinal), entry)),
            (_, c) => (c.Requests + 1, c.Fetches + entry.Origins.Count, Count(c.ByOrigin, entry)));
    }

    private static ConcurrentDictionary<string, int> Count(ConcurrentDictionary<string, int> byOrigin, TraceEntry entry)
    {
        foreach (var fetch in entry.Origins)
        {
            byOrigin.AddOrUpdate(fetch.Origin, 1, (_, n) => n + 1);
        }

        return byOrigin;
    }

    /// <summary>Origin fetches per request class, printed when the tool stops.</summary>
    public string Summary()
    {
        var lines = new List<string> { "origin fetches per request class:" };
        foreach (var (name, c) in classes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var byOrigin = string.Join(", ", c.ByOrigin.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"));
            lines.Add($"  {name}: {c.Requests} request(s), {c.Fetches} origin fetch(es){(byOrigin.Length > 0 ? " (" + byOrigin + ")" : "")}");
        }

        return string.Join(System.Environment.NewLine, lines);
    }

    public void Dispose() => writer?.Dispose();
}
