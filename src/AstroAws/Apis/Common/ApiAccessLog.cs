using Amazon.CDK.AWS.Logs;

namespace Astro.Aws;

/// <summary>
/// Access logging of an API stage. On by default, as JSON with SST's fields, into a log group under
/// <c>/aws/vendedlogs/apis/</c> kept one month; <see cref="Off"/> turns it off.
/// </summary>
public sealed record ApiAccessLog
{
    /// <summary>No access logging.</summary>
    public static ApiAccessLog Off { get; } = new() { Enabled = false };

    /// <summary>The log format (<c>$context</c> variables).</summary>
    /// <value>Default: JSON with requestTime, requestId, method, path, routeKey, status, latencies, integration fields, ip and userAgent
    /// (WebSocket: eventType, connectionId, connectedAt instead of method and path).</value>
    public string? Format { get; init; }

    /// <summary>Where the logs go.</summary>
    /// <value>Default: a log group the API creates.</value>
    public ILogGroup? Destination { get; init; }

    /// <summary>How long the log group the API creates keeps entries (ignored with <see cref="Destination"/>).</summary>
    /// <value>Default: <see cref="RetentionDays.ONE_MONTH"/>.</value>
    public RetentionDays? Retention { get; init; }

    /// <summary>False only for <see cref="Off"/>.</summary>
    public bool Enabled { get; private init; } = true;

    /// <summary>A custom format string, logged to a log group the API creates.</summary>
    public static implicit operator ApiAccessLog(string format) => new() { Format = format };
}
