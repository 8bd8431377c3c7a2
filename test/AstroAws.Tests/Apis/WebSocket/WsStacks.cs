using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;

namespace Astro.Aws.Tests.Apis.WebSocket;

/// <summary>Stacks holding one <see cref="AstroWebSocketApi"/> whose handler strings resolve under the API fixtures.</summary>
internal static class WsStacks
{
    /// <summary>The folder the fixture handler strings (<c>"src/connect.main"</c>) start from.</summary>
    public static string CodeRoot => Path.Combine(TestPaths.TestProject, "Fixtures", "api");

    public static WebSocketApiDefaults Defaults(ApiThrottle? throttle = null) => new()
    {
        Function = new ApiFunctionProps { CodeRoot = CodeRoot },
        Throttle = throttle,
    };

    /// <summary>The four routes of the SST example.</summary>
    public static Dictionary<string, ApiRoute> SeedRoutes() => new()
    {
        ["$connect"] = "src/connect.main",
        ["$default"] = "src/default.main",
        ["$disconnect"] = "src/disconnect.main",
        ["sendMessage"] = "src/sendMessage.main",
    };

    public static (Stack Stack, AstroWebSocketApi Api) Create(Func<Stack, AstroWebSocketApiProps> props)
    {
        var stack = SiteStacks.NewStack();
        return (stack, new AstroWebSocketApi(stack, "Ws", props(stack)));
    }

    public static (Stack Stack, AstroWebSocketApi Api) Create(AstroWebSocketApiProps props) => Create(_ => props);

    /// <summary>A Lambda function not created by the API.</summary>
    public static Function OwnFunction(Stack stack, string id) => new(stack, id, new FunctionProps
    {
        Runtime = Runtime.NODEJS_20_X,
        Handler = "index.main",
        Code = Code.FromInline("export const main = async () => ({ statusCode: 200 });"),
    });

    /// <summary>The logical ID of the only resource of a type.</summary>
    public static string LogicalId(JsonObject template, string type) => TemplateQueries.OfType(template, type).Single().Key;

    /// <summary>The route resource whose RouteKey is <paramref name="routeKey"/>.</summary>
    public static JsonObject Route(JsonObject template, string routeKey) =>
        TemplateQueries.OfType(template, "AWS::ApiGatewayV2::Route").Single(r => (string?)r.Value!["Properties"]!["RouteKey"] == routeKey).Value!.AsObject();
}
