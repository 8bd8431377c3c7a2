using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>
/// An HTTP API JWT authorizer against a local JWKS (<c>--jwks FILE</c> or <c>ASTROAWS_JWKS</c>), in API Gateway's
/// order (the HTTP API JWT authorizer workflow, docs/local-preview.md): the token (bare or after <c>Bearer </c>), an RSA signature by the
/// key its <c>kid</c> names, <c>iss</c> equal to the issuer, <c>aud</c> (or <c>client_id</c> when there is no
/// <c>aud</c>) among the audiences, <c>exp</c> after now, <c>nbf</c> and <c>iat</c> before it, and one of the route's
/// scopes in <c>scope</c>/<c>scp</c>. A failed check answers 401, a missing scope 403.
/// </summary>
public sealed class JwtChecker
{
    private readonly Dictionary<string, RSAParameters> keys;

    private JwtChecker(Dictionary<string, RSAParameters> keys) => this.keys = keys;

    public static JwtChecker Load(string file)
    {
        JsonNode? jwks;
        try
        {
            jwks = JsonNode.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new PreviewException($"--jwks {file}: {e.Message}");
        }

        var keys = new Dictionary<string, RSAParameters>(StringComparer.Ordinal);
        foreach (var key in jwks?["keys"] as JsonArray ?? [])
        {
            if ((string?)key?["kty"] == "RSA" && (string?)key["n"] is { } n && (string?)key["e"] is { } e)
            {
                keys[(string?)key["kid"] ?? string.Empty] = new RSAParameters { Modulus = Base64Url(n), Exponent = Base64Url(e) };
            }
        }

        return keys.Count > 0 ? new JwtChecker(keys) : throw new PreviewException($"--jwks {file} has no RSA key (a JSON Web Key Set: {{\"keys\":[{{\"kty\":\"RSA\",\"kid\":...,\"n\":...,\"e\":...}}]}}).");
    }

    /// <summary>The claims of a valid token, or the status (401/403) and the reason API Gateway would give.</summary>
    public (JsonObject? Claims, int Status, string? Error) Check(string? identity, ApiAuthorizer authorizer, IReadOnlyList<string> scopes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(scopes);
        if (string.IsNullOrEmpty(identity))
        {
            return (null, 401, "no token in the identity source");
        }

        var token = identity.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? identity[7..].Trim() : identity.Trim();
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, 401, "the token is not a JWT");
        }

        JsonObject header, claims;
        try
        {
            header = JsonNode.Parse(Base64Url(parts[0]))!.AsObject();
            claims = JsonNode.Parse(Base64Url(parts[1]))!.AsObject();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, 401, "the token cannot be decoded");
        }

        HashAlgorithmName? algorithm = (string?)header["alg"] switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (algorithm is not { } hash)
        {
            return (null, 401, $"the token's algorithm {(string?)header["alg"]} is not one the preview checks (RS256, RS384, RS512)");
        }

        if (!keys.TryGetValue((string?)header["kid"] ?? string.Empty, out var key))
        {
            return (null, 401, "the token's kid is not in the JWKS");
        }

        using var rsa = RSA.Create(key);
        if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]), hash, RSASignaturePadding.Pkcs1))
        {
            return (null, 401, "the signature does not verify");
        }

        if (authorizer.Issuer is { } issuer && (string?)claims["iss"] != issuer)
        {
            return (null, 401, "the token does not have a valid issuer");
        }

        var audiences = claims["aud"] switch
        {
            JsonArray a => a.Select(x => (string?)x).ToList(),
            JsonValue v => [(string?)v],
            _ => [(string?)claims["client_id"]],
        };
        if (authorizer.Audience.Count > 0 && !audiences.Any(a => a is not null && authorizer.Audience.Contains(a)))
        {
            return (null, 401, "the token does not have a valid audience");
        }

        var epoch = now.ToUnixTimeSeconds();
        if (claims["exp"] is not JsonValue exp || (long)exp <= epoch)
        {
            return (null, 401, "the token has expired (or has no exp)");
        }

        if ((claims["nbf"] is JsonValue nbf && (long)nbf > epoch) || (claims["iat"] is JsonValue iat && (long)iat > epoch))
        {
            return (null, 401, "the token is not valid yet (nbf/iat)");
        }

        var granted = Scopes(claims);
        if (scopes.Count > 0 && !scopes.Any(granted.Contains))
        {
            return (null, 403, "the token has none of the route's scopes");
        }

        return (claims, 200, null);
    }

    /// <summary>
    /// The scopes a token grants: its <c>scope</c> claim (space-separated, RFC 6749) and its <c>scp</c> claim, which
    /// some issuers (Okta, Entra ID) write as a list; API Gateway reads both.
    /// </summary>
    public static IReadOnlyList<string> Scopes(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        static IEnumerable<string> Read(JsonNode? claim) => claim switch
        {
            JsonArray list => list.Select(s => s is JsonValue v && v.TryGetValue<string>(out var text) ? text : null).OfType<string>(),
            JsonValue v when v.TryGetValue<string>(out var text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        };
        return [.. Read(claims["scope"]).Concat(Read(claims["scp"])).Distinct(StringComparer.Ordinal)];
    }

    private static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
