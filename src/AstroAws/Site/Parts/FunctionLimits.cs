using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws.Parts;

/// <summary>Lambda limits that CDK does not check at synth (it passes memory 20000 or a 16 minute timeout).</summary>
internal static class FunctionLimits
{
    /// <summary>Refuses out-of-range values; the timeout must stay below <paramref name="timeoutLimit"/>, or reach it at most when <paramref name="limitAllowed"/>.</summary>
    public static void Validate(IFunctionOptions props, string propName, Duration timeoutLimit, bool limitAllowed, string whyBound)
    {
        if (props.MemorySize is { } memory && !Token.IsUnresolved(memory) && (memory < 128 || memory > 10240 || memory % 1 != 0))
        {
            throw new ArgumentException(
                $"{propName}.MemorySize: received {memory}; Lambda accepts whole megabytes from 128 to 10240. Use e.g. 1024 (our default).",
                $"{propName}.MemorySize");
        }

        if (props.Timeout is { } timeout && !Token.IsUnresolved(timeout.ToString()))
        {
            // ToSeconds() throws on fractions (500 ms); milliseconds always convert.
            var seconds = timeout.ToMilliseconds() / 1000;
            var limit = timeoutLimit.ToSeconds();
            if (seconds < 1 || seconds > limit || (seconds == limit && !limitAllowed))
            {
                throw new ArgumentException(
                    $"{propName}.Timeout: received {seconds} s; it must be at least 1 s and {(limitAllowed ? "at most" : "below")} {limit} s, {whyBound}. Use e.g. {ServerDefaults.Timeout.ToSeconds()} seconds (our default).",
                    $"{propName}.Timeout");
            }
        }

        if (props.ReservedConcurrentExecutions is { } reserved && !Token.IsUnresolved(reserved) && (reserved < 0 || reserved % 1 != 0))
        {
            throw new ArgumentException(
                $"{propName}.ReservedConcurrentExecutions: received {reserved}; it must be a whole number, 0 or more. Leave it unset for no reservation.",
                $"{propName}.ReservedConcurrentExecutions");
        }
    }
}
