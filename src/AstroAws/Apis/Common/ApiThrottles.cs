using Amazon.CDK.AWS.Apigatewayv2;

namespace Astro.Aws.Apis.Common;

/// <summary>Checks an <see cref="ApiThrottle"/> and turns it into the stage's CDK throttle settings.</summary>
internal static class ApiThrottles
{
    public static ThrottleSettings? ToSettings(ApiThrottle? throttle, string propName)
    {
        if (throttle is null)
        {
            return null;
        }

        if (throttle.RateLimit < 0 || throttle.BurstLimit < 0 || throttle.BurstLimit % 1 != 0)
        {
            throw new ArgumentException($"{propName}: received rate {throttle.RateLimit}, burst {throttle.BurstLimit}. Both must be 0 or more and the burst a whole number, e.g. new ApiThrottle(100, 200).", propName);
        }

        return new ThrottleSettings { RateLimit = throttle.RateLimit, BurstLimit = throttle.BurstLimit };
    }
}
