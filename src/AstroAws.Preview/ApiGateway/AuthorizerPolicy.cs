using System.Text.Json.Nodes;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>What API Gateway makes of a Lambda authorizer's answer.</summary>
public enum AuthorizerDecision
{
    Allow,
    Deny,

    /// <summary>Not an answer API Gateway can read: it answers 500.</summary>
    Invalid,
}

/// <summary>
/// The IAM policy a Lambda authorizer returns (rules <c>apigateway/lambda-authorizer-policy</c> and
/// <c>apigateway/websocket-lambda-authorizer</c>): a statement counts when its <c>Action</c> covers
/// <c>execute-api:Invoke</c> and its <c>Resource</c> matches the route's ARN (<c>*</c> any characters, <c>?</c> one);
/// an explicit Deny beats any Allow, and no Allow is a denial. <c>Statement</c> may be one object or an array, as in any
/// IAM policy.
/// </summary>
public static class AuthorizerPolicy
{
    public static AuthorizerDecision Evaluate(JsonNode? answer, string arn)
    {
        if (answer is not JsonObject result || result["policyDocument"] is not JsonObject policy)
        {
            return AuthorizerDecision.Invalid;
        }

        var statements = policy["Statement"] switch
        {
            JsonArray list => list.OfType<JsonObject>().ToList(),
            JsonObject one => [one],
            _ => null,
        };
        if (statements is null)
        {
            return AuthorizerDecision.Invalid;
        }

        var applying = statements.Where(s => Matches(s["Action"], "execute-api:Invoke", ignoreCase: true) && Matches(s["Resource"], arn, ignoreCase: false)).ToList();
        if (applying.Any(s => (string?)s["Effect"] == "Deny"))
        {
            return AuthorizerDecision.Deny;
        }

        return applying.Any(s => (string?)s["Effect"] == "Allow") ? AuthorizerDecision.Allow : AuthorizerDecision.Deny;
    }

    // IAM action names are case-insensitive; resource ARNs are not.
    private static bool Matches(JsonNode? patterns, string value, bool ignoreCase)
    {
        IEnumerable<string?> list = patterns switch
        {
            JsonArray array => array.Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? s : null),
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
        return list.Any(p => p is not null && (ignoreCase
            ? ExecuteApiPermission.ArnLike(p.ToLowerInvariant(), value.ToLowerInvariant())
            : ExecuteApiPermission.ArnLike(p, value)));
    }
}
