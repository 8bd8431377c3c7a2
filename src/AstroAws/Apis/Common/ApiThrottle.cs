namespace Astro.Aws;

/// <summary>Request throttling: a steady rate and a burst allowance.</summary>
/// <param name="RateLimit">Requests per second on average.</param>
/// <param name="BurstLimit">Requests allowed at once above the rate.</param>
public sealed record ApiThrottle(double RateLimit, double BurstLimit);
