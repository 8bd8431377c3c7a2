using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Sample;

/// <summary>
/// A WebSocket API with the four routes of the SST example, handlers in <c>samples/api/src</c>. Connect with
/// <c>wscat -c $(ApiEndpoint output)</c> and send <c>{"action":"sendMessage","data":"hi"}</c>.
/// </summary>
public sealed class WebSocketStack : Stack
{
    /// <summary>Where the handler strings resolve, relative to the repository root where `cdk synth` runs.</summary>
    public const string ApiCodeRoot = "samples/api";

    /// <param name="scope">The app.</param>
    /// <param name="id">The stack's ID.</param>
    /// <param name="props">The stack's props.</param>
    /// <param name="codeRoot">Where the handlers are; the tests pass an absolute path.</param>
    public WebSocketStack(Construct scope, string id, IStackProps props, string codeRoot = ApiCodeRoot)
        : base(scope, id, props)
    {
        Api = new AstroWebSocketApi(this, "Ws", new AstroWebSocketApiProps
        {
            Defaults = new WebSocketApiDefaults
            {
                Function = new ApiFunctionProps { CodeRoot = codeRoot },
            },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = "src/connect.main",
                ["$default"] = ApiRoute.FromHandler("src/default.main") with { ReturnResponse = true },
                ["$disconnect"] = "src/disconnect.main",
                ["sendMessage"] = "src/sendMessage.main",
            },
        });
    }

    public AstroWebSocketApi Api { get; }
}
