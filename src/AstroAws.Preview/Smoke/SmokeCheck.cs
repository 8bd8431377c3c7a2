using System.Text.Json.Serialization;

namespace Astro.Aws.Preview.Smoke;

/// <summary>One request class of the smoke run: what was sent, what came back, and whether it met its expectation.</summary>
public sealed record SmokeCheck(
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("problem")] string? Problem,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers);
