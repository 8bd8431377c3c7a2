namespace Astro.Aws.Apis.WebSocket;

/// <summary>
/// WebSocket route keys: the three API Gateway reserves (<c>$connect</c>, <c>$disconnect</c>, <c>$default</c>) and
/// custom actions, matched exactly against the value the route selection expression picks from a message.
/// </summary>
internal static class WebSocketRouteKeys
{
    public const string Connect = "$connect";
    public const string Disconnect = "$disconnect";
    public const string Default = "$default";

    public static readonly IReadOnlyList<string> Reserved = [Connect, Disconnect, Default];

    /// <summary>Returns the key unchanged, or throws saying what is wrong and which key to use instead.</summary>
    public static string Check(string? key, string propName)
    {
        var where = $"{propName}[\"{key}\"]";
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException($"{where}: the route key is empty. Use \"$connect\", \"$disconnect\", \"$default\", or a custom action such as \"sendMessage\".", propName);
        }

        if (key.Any(char.IsWhiteSpace))
        {
            var fixedKey = string.Concat(key.Where(c => !char.IsWhiteSpace(c)));
            throw new ArgumentException(
                $"{where}: the route key '{key}' contains whitespace, and API Gateway matches the action exactly. Use \"{fixedKey}\" (and send {{\"action\":\"{fixedKey}\"}}).",
                propName);
        }

        if (key.StartsWith('$') && !Reserved.Contains(key, StringComparer.Ordinal))
        {
            var reserved = Reserved.FirstOrDefault(r => r.Equals(key, StringComparison.OrdinalIgnoreCase));
            var near = Common.Suggestions.Closest(key, Reserved);
            var instead = reserved is not null
                ? $"Use \"{reserved}\" (lower case)"
                : near is not null
                ? $"Did you mean \"{near}\"?"
                : $"Use \"$connect\", \"$disconnect\" or \"$default\", or drop the '$' for a custom action: \"{(key.TrimStart('$').Length > 0 ? key.TrimStart('$') : "sendMessage")}\"";
            throw new ArgumentException($"{where}: '{key}' starts with '$', which API Gateway reserves for $connect, $disconnect and $default. {instead}.", propName);
        }

        return key;
    }
}
