using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.Origins;
using Astro.Aws.Preview.Server;
using Microsoft.AspNetCore.Http;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>The stack's API Gateway v2 APIs, each on its own HTTPS port after the distributions' ones.</summary>
internal sealed class ApiGatewayPorts
{
    /// <summary>The environment variable that names the JWKS file when <c>--jwks</c> is not given.</summary>
    public const string JwksVariable = "ASTROAWS_JWKS";

    private readonly Dictionary<int, Func<HttpContext, Task>> handlers = [];
    private readonly List<string> lines = [];

    public ApiGatewayPorts(CloudAssembly assembly, int firstPort, string certificateFile, string? jwksFile, Func<LambdaFunction, LambdaWorker> workers, Tracer tracer, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Apis = ApiModel.ReadAll(assembly);
        jwksFile ??= Environment.GetEnvironmentVariable(JwksVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        var jwt = Apis.Any(a => a.Routes.Any(r => r.AuthorizationType == "JWT")) && jwksFile is not null ? JwtChecker.Load(jwksFile) : null;
        var proxyClient = new HttpClient();
        for (var i = 0; i < Apis.Count; i++)
        {
            var api = Apis[i];
            var port = firstPort + i;
            Ports.Add(port);
            if (api.Protocol == "WEBSOCKET")
            {
                var handler = new WebSocketApiHandler(api, assembly.Region, port, certificateFile, workers, tracer, log);
                handlers[port] = handler.HandleAsync;
                Urls.Add($"wss://127.0.0.1:{port}/");
                lines.Add($"  {api.LogicalId} (WebSocket API, stage {api.Stages.FirstOrDefault() ?? "$default"}): wss://127.0.0.1:{port}/, callback URL {handler.CallbackUrl}");
            }
            else
            {
                var handler = new HttpApiHandler(api, assembly.Region, workers, jwt, proxyClient, tracer, log);
                handlers[port] = handler.HandleAsync;
                Urls.Add($"https://127.0.0.1:{port}/");
                lines.Add($"  {api.LogicalId} (HTTP API, stage(s) {string.Join(", ", api.Stages)}): https://127.0.0.1:{port}/{(api.Cors is null ? "" : " (CORS configured)")}");
                if (jwt is null && api.Routes.Any(r => r.AuthorizationType == "JWT"))
                {
                    lines.Add($"    warning: JWTs are not checked (no --jwks FILE or {JwksVariable}): routes with a JWT authorizer let every request through.");
                }
            }

            lines.Add($"    routes: {string.Join(", ", api.Routes.Select(r => $"{r.Key} -> {Describe(r)}"))}");
            lines.AddRange(api.Warnings.Distinct(StringComparer.Ordinal).Select(w => $"    warning: {w}"));
        }
    }

    public IReadOnlyList<ApiModel> Apis { get; }

    public List<int> Ports { get; } = [];

    public List<string> Urls { get; } = [];

    public bool TryGet(int port, out Func<HttpContext, Task> handler) => handlers.TryGetValue(port, out handler!);

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }

    private static string Describe(ApiRoute route) => route.Integration switch
    {
        null => "(no target)",
        { NotEmulated: not null } => "not emulated",
        { Function: { } f } => $"lambda {f.FunctionId}" + (route.Integration.PayloadFormatVersion == "2.0" || route.Key.StartsWith('$') || !route.Key.Contains(' ', StringComparison.Ordinal) ? "" : " (payload 1.0)"),
        { Uri: { } uri } => "http " + uri,
        _ => "?",
    } + (route.AuthorizationType is "NONE" ? "" : $" [{route.AuthorizationType}]");
}
