using System.Collections.Concurrent;
using System.Net;
using Astro.Aws.Preview.ApiGateway;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.CloudFront;
using Astro.Aws.Preview.Origins;
using Astro.Aws.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Astro.Aws.Preview.Server;

/// <summary>
/// The preview of one stack: every distribution on its own HTTPS port (P, P+1, ...) and, with --http-port, plain HTTP
/// on H, H+1, ...; one warm Node worker per function and one runner for the CloudFront Functions.
/// </summary>
public sealed class PreviewHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Tracer tracer;
    private readonly ViewerFunctionHost functionHost;
    private readonly ConcurrentDictionary<string, Lazy<LambdaWorker>> workers = new(StringComparer.Ordinal);
    private readonly TextWriter output;

    private PreviewHost(WebApplication app, Tracer tracer, ViewerFunctionHost functionHost, TextWriter output, IReadOnlyList<string> urls, string certificateFile)
    {
        this.app = app;
        this.tracer = tracer;
        this.functionHost = functionHost;
        this.output = output;
        Urls = urls;
        CertificateFile = certificateFile;
    }

    /// <summary>The HTTPS base URL of each distribution, in template order, then each API's (https:// or wss://).</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>The PEM file of the certificate the preview serves (to trust it in a browser or a test).</summary>
    public string CertificateFile { get; }

    /// <param name="jwksFile">The JSON Web Key Set JWT authorizers are checked against (else <c>ASTROAWS_JWKS</c>, else not checked).</param>
    public static PreviewHost Create(string assemblyDirectory, string stackName, int port, int? httpPort, string? traceFile, TextWriter output, string? jwksFile = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var assembly = CloudAssembly.Read(assemblyDirectory, stackName);
        var distributions = Distribution.ReadAll(assembly);
        if (distributions.Count == 0 && !assembly.ResourcesOfType("AWS::ApiGatewayV2::Api").Any())
        {
            throw new PreviewException($"{stackName} has no CloudFront distribution or API Gateway v2 API to preview.");
        }

        var buckets = distributions.SelectMany(d => d.Origins.Values).OfType<BucketOrigin>().Select(o => o.BucketId)
            .Concat(assembly.ResourcesOfType("AWS::S3::Bucket").Select(b => b.LogicalId))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(b => b, b => Bucket.Read(assembly, b), StringComparer.Ordinal);
        var functions = distributions.SelectMany(d => d.Origins.Values).OfType<FunctionUrlOrigin>().Select(o => o.UrlId)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(u => u, u => LambdaFunction.Read(assembly, u), StringComparer.Ordinal);

        var certificate = Certificate.Create();
        var certificateFile = Certificate.WritePublicPart(certificate);
        PreviewHost? host = null;
        var tracer = new Tracer(output, traceFile);

        // API Gateway v2: each API on its own HTTPS port after the distributions' ones.
        var apiPorts = new ApiGatewayPorts(assembly, port + distributions.Count, certificateFile, jwksFile, f => host!.Worker(f), tracer, output);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 6 * 1024 * 1024;
            for (var i = 0; i < distributions.Count; i++)
            {
                kestrel.Listen(IPAddress.Loopback, port + i, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate);
                });
                if (httpPort is { } h)
                {
                    kestrel.Listen(IPAddress.Loopback, h + i);
                }
            }

            foreach (var apiPort in apiPorts.Ports)
            {
                kestrel.Listen(IPAddress.Loopback, apiPort, listen => listen.UseHttps(certificate));
            }
        });
        var app = builder.Build();
        app.UseWebSockets();
        var functionHost = new ViewerFunctionHost();
        var urls = new List<string>();
        var handlers = new Dictionary<int, (DistributionHandler Handler, bool Https)>();
        for (var i = 0; i < distributions.Count; i++)
        {
            var handler = new DistributionHandler(distributions[i], assembly, buckets, functions, f => host!.Worker(f), functionHost, tracer, port + i);
            handlers[port + i] = (handler, true);
            if (httpPort is { } h)
            {
                handlers[h + i] = (handler, false);
            }

            urls.Add($"https://127.0.0.1:{port + i}/");
        }

        urls.AddRange(apiPorts.Urls);
        app.Run(async context =>
        {
            if (apiPorts.TryGet(context.Connection.LocalPort, out var api))
            {
                await api(context).ConfigureAwait(false);
                return;
            }

            var (handler, https) = handlers[context.Connection.LocalPort];
            try
            {
                await handler.HandleAsync(context, https).ConfigureAwait(false);
            }
            catch (PreviewException e)
            {
                // Not emulated: say so rather than guess an answer.
                lock (output)
                {
                    output.WriteLine($"  error: {e.Message}");
                }

                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = 502;
                    context.Response.Headers["x-preview-origin"] = "cloudfront";
                    context.Response.Headers["x-preview-error"] = e.Message.ReplaceLineEndings(" ");
                    await context.Response.WriteAsync("astroaws preview cannot emulate this request: " + e.Message).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A fault of the preview itself: printed, never an empty 500 that looks like the site's answer.
                lock (output)
                {
                    output.WriteLine($"  error: {context.Request.Method} {context.Request.Path}{context.Request.QueryString}: {e}");
                }

                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = 500;
                    context.Response.Headers["x-preview-origin"] = "cloudfront";
                    context.Response.Headers["x-preview-error"] = (e.GetType().Name + ": " + e.Message).ReplaceLineEndings(" ");
                }
            }
        });

        host = new PreviewHost(app, tracer, functionHost, output, urls, certificateFile);
        output.WriteLine($"astroaws preview: {stackName} from {Path.GetFullPath(assemblyDirectory)}");
        for (var i = 0; i < distributions.Count; i++)
        {
            var d = distributions[i];
            output.WriteLine($"  {d.LogicalId}: {urls[i]}{(httpPort is { } h ? $" (http://127.0.0.1:{h + i}/ per viewer protocol policy)" : "")}");
            output.WriteLine($"    behaviors: {string.Join(", ", d.Behaviors.Append(d.DefaultBehavior).Select(b => $"{b.PathPattern} -> {Kind(d.Origins[b.TargetOriginId])}"))}");
            foreach (var warning in d.Warnings)
            {
                output.WriteLine($"    warning: {warning}");
            }
        }

        apiPorts.Print(output);
        foreach (var bucket in buckets.Values.Where(b => b.Count > 0))
        {
            output.WriteLine($"  bucket {bucket.LogicalId}: {bucket.Count} object(s) from the staged deployment sources");
        }

        foreach (var function in functions.Values)
        {
            output.WriteLine($"  function URL {function.UrlId} -> {function.FunctionId} ({function.AuthType}, {function.InvokeMode}), handler {function.Handler} in {function.AssetFolder}");
            foreach (var warning in function.Warnings)
            {
                output.WriteLine($"    warning: {warning}");
            }
        }

        output.WriteLine($"  certificate (self-signed, localhost and 127.0.0.1): {certificateFile}");
        return host;
    }

    private static string Kind(CloudFront.Origin origin) => origin switch
    {
        BucketOrigin => "s3",
        FunctionUrlOrigin => "lambda",
        OriginGroup group => $"group ({Kind(group.Primary)}, then {Kind(group.Secondary)} on {string.Join("/", group.FailoverCodes.Order())})",
        _ => "unknown",
    };

    private LambdaWorker Worker(LambdaFunction function)
    {
        Lazy<LambdaWorker> Start() => new(() => new LambdaWorker(function.FunctionId, function.AssetFolder, function.Handler, function.Environment, output));
        var worker = workers.GetOrAdd(function.FunctionId, _ => Start());
        if (worker.Value.HasExited)
        {
            worker.Value.Dispose();
            var fresh = Start();
            worker = workers.TryUpdate(function.FunctionId, fresh, worker) ? fresh : workers[function.FunctionId];
        }

        return worker.Value;
    }

    /// <summary>Signalled when the host is asked to stop (SIGTERM, for one).</summary>
    public CancellationToken Stopping => app.Lifetime.ApplicationStopping;

    public Task StartAsync() => app.StartAsync();

    public async Task StopAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        lock (output)
        {
            output.WriteLine(tracer.Summary());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync().ConfigureAwait(false);
        foreach (var worker in workers.Values.Where(w => w.IsValueCreated))
        {
            worker.Value.Dispose();
        }

        functionHost.Dispose();
        tracer.Dispose();
        try
        {
            File.Delete(CertificateFile);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }
}
