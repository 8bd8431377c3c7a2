namespace Astro.Aws.Tests.Preview;

/// <summary>A response header as the preview wrote it: HttpClient's typed headers would re-format values such as Cache-Control.</summary>
internal static class RawHeaders
{
    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values) ? string.Join(",", values) : string.Empty;
}
