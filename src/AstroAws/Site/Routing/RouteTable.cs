using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Astro.Aws.Routing;

/// <summary>
/// The build's files outside <c>_astro/</c>, as the request function looks them up: one key per path stem, whose value
/// says which files exist there. <c>about/index.html</c> is the key <c>/about</c> with <see cref="DirectoryIndex"/>,
/// <c>about.html</c> the same key with <see cref="HtmlFile"/>, <c>robots.txt</c> the key <c>/robots.txt</c> with
/// <see cref="ExactFile"/>. A request is looked up by at most two keys, so matching is exact (<c>/about2</c> is not
/// <c>/about</c>) and a page in a folder never claims the folder.
/// </summary>
internal sealed class RouteTable
{
    /// <summary>A file whose name is the key itself (any file that does not end in <c>.html</c>).</summary>
    public const int ExactFile = 1;

    /// <summary><c>{key}/index.html</c> exists (the key <c>/</c> stands for the root's <c>index.html</c>).</summary>
    public const int DirectoryIndex = 2;

    /// <summary><c>{key}.html</c> exists.</summary>
    public const int HtmlFile = 4;

    private const string IndexSuffix = "/index.html";
    private const string HtmlSuffix = ".html";

    private string? importJson;
    private IReadOnlyList<string>? storeKeys;

    private RouteTable(SortedDictionary<string, int> entries, int fileCount)
    {
        Entries = entries;
        FileCount = fileCount;
    }

    /// <summary>Key to flags, in ordinal key order.</summary>
    public IReadOnlyDictionary<string, int> Entries { get; }

    /// <summary>How many files the table routes.</summary>
    public int FileCount { get; }

    /// <summary>A store key's length: 16 hex digits (64 bits) of a SHA-256.</summary>
    public const int StoreKeyLength = 16;

    /// <summary>What the entries weigh in a KeyValueStore: every hashed key and its one-digit value.</summary>
    public long StoreBytes => Entries.Count * (StoreKeyLength + 1L);

    /// <summary>The size of <see cref="ImportJson"/> in bytes, which CloudFront limits.</summary>
    public long ImportBytes => Encoding.UTF8.GetByteCount(ImportJson);

    /// <summary>Whether two keys share a store key (odds about n² / 2⁶⁵; the planner refuses it rather than guess).</summary>
    public bool StoreKeysCollide => StoreKeys.Distinct(StringComparer.Ordinal).Count() != Entries.Count;

    // Hashed once: the import file and the collision check both need them.
    private IReadOnlyList<string> StoreKeys => storeKeys ??= [.. Entries.Keys.Select(StoreKey)];

    /// <summary>The table as a JavaScript object literal for the function's own code: <c>{"/about":2,"/robots.txt":1}</c>.</summary>
    public string InlineJson => JsonSerializer.Serialize(Entries);

    /// <summary>
    /// The table in the KeyValueStore import format, <c>{"data":[{"key":"…","value":"2"}]}</c>, keyed by
    /// <see cref="StoreKey"/>: the import file is limited to 5 MB, and fixed-size keys keep every entry at 40 bytes
    /// however long the site's paths are.
    /// </summary>
    public string ImportJson => importJson ??= JsonSerializer.Serialize(new
    {
        data = Entries.Values.Zip(StoreKeys, (flags, key) => new { key, value = flags.ToString(CultureInfo.InvariantCulture) }),
    });

    /// <summary>The first 16 hex digits of the SHA-256 of <see cref="ImportJson"/>: equal tables, equal names.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ImportJson)))[..16];

    /// <summary>
    /// Builds the table from the build's files (URL paths under the site's base), leaving out <paramref name="excludedFolder"/>
    /// (served by a behavior of its own).
    /// </summary>
    public static RouteTable Create(AstroBuild build, string excludedFolder)
    {
        var entries = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var file in build.StaticFiles)
        {
            if (file.StartsWith(excludedFolder + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var (key, flag) = KeyOf(build.BasePath + file);
            entries[key] = entries.GetValueOrDefault(key) | flag;
            count++;
        }

        return new RouteTable(entries, count);
    }

    /// <summary>The key and flag of one file's URL path; the request function's <c>fileKey</c> is its twin.</summary>
    public static (string Key, int Flag) KeyOf(string path)
    {
        if (path.EndsWith(IndexSuffix, StringComparison.Ordinal))
        {
            return (StemKey(path[..^IndexSuffix.Length]), DirectoryIndex);
        }

        if (path.EndsWith(HtmlSuffix, StringComparison.Ordinal))
        {
            return (StemKey(path[..^HtmlSuffix.Length]), HtmlFile);
        }

        return (path, ExactFile);
    }

    /// <summary>
    /// A key's name in the store: the first 16 hex digits of the SHA-256 of the key as <c>encodeURIComponent</c> writes
    /// it (ASCII, so both sides hash the same bytes); the request function's <c>storeKey</c> is its twin.
    /// </summary>
    public static string StoreKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(EncodeUriComponent(key))))[..StoreKeyLength];

    /// <summary>JavaScript's <c>encodeURIComponent</c>: every UTF-8 byte but <c>A-Z a-z 0-9 - _ . ! ~ * ' ( )</c> as <c>%XX</c>.</summary>
    public static string EncodeUriComponent(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()".Contains(c, StringComparison.Ordinal))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    // The root's stem is empty; a KeyValueStore key cannot be.
    private static string StemKey(string stem) => stem.Length == 0 ? "/" : stem;
}
