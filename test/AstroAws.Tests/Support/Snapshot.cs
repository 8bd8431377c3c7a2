using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace Astro.Aws.Tests.Support;

/// <summary>
/// Compares a template with a committed <c>Snapshots/NAME.verified.json</c>. Asset hashes are scrubbed (they change with
/// every build of the fixtures' tooling, not with our code). On a mismatch it writes <c>NAME.received.json</c> beside it;
/// set <c>ASTROAWS_ACCEPT_SNAPSHOTS=1</c> to accept. A missing snapshot fails under CI.
/// </summary>
internal static partial class Snapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Match(string name, JsonNode template)
    {
        var received = Scrub(template.ToJsonString(Options)).ReplaceLineEndings("\n") + "\n";
        var verifiedPath = Path.Combine(TestPaths.Snapshots, name + ".verified.json");
        var receivedPath = Path.Combine(TestPaths.Snapshots, name + ".received.json");
        var accept = Environment.GetEnvironmentVariable("ASTROAWS_ACCEPT_SNAPSHOTS") == "1";
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        if (!File.Exists(verifiedPath) && (accept || !ci))
        {
            Directory.CreateDirectory(TestPaths.Snapshots);
            File.WriteAllText(verifiedPath, received);
            return;
        }

        File.Exists(verifiedPath).Should().BeTrue($"snapshot {name} must be committed (run the tests locally once to create it)");
        var verified = File.ReadAllText(verifiedPath);
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            return;
        }

        File.WriteAllText(receivedPath, received);
        received.Should().Be(verified, $"the template changed; compare {receivedPath} with {verifiedPath} and set ASTROAWS_ACCEPT_SNAPSHOTS=1 if the change is intended");
    }

    /// <summary>Replaces 64-hex asset hashes (alone or inside file names) with a fixed marker.</summary>
    public static string Scrub(string text) => AssetHash().Replace(text, "[asset-hash]");

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex AssetHash();
}
