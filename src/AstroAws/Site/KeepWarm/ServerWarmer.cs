using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.CustomResources;
using Astro.Aws.Overrides;
using Astro.Aws.Parts;
using Astro.Aws.Plan;
using Constructs;
using EventsLambdaTarget = Amazon.CDK.AWS.Events.Targets.LambdaFunction;
using EventsLambdaTargetProps = Amazon.CDK.AWS.Events.Targets.LambdaFunctionProps;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;
using LogGroupProps = Amazon.CDK.AWS.Logs.LogGroupProps;
using RetentionDays = Amazon.CDK.AWS.Logs.RetentionDays;

namespace Astro.Aws.KeepWarm;

/// <summary>The constructs of <see cref="AstroAwsProps.Warm"/>: the warmer, its log group, its schedule and the warm-up after each deploy.</summary>
internal sealed record WarmParts(LambdaFunction Warmer, LogGroup LogGroup, Rule Schedule, AwsCustomResource WarmUp);

/// <summary>Renders a <see cref="WarmPlan"/> beside the server function it keeps warm.</summary>
internal static class ServerWarmer
{
    public static WarmParts Render(Construct site, WarmPlan plan, LambdaFunction server)
    {
        var logGroup = new LogGroup(site, SiteIds.WarmerLogGroup, new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        var props = PropsMerge.Overlay(new FunctionProps { LogGroup = logGroup }, plan.Warmer);
        props.Environment = new Dictionary<string, string>
        {
            ["FUNCTION_NAME"] = server.FunctionName,
            ["CONCURRENCY"] = plan.Instances.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var warmer = new LambdaFunction(site, SiteIds.Warmer, props);

        // The server function only: not its versions or aliases (Function.GrantInvoke would add ARN:*).
        warmer.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["lambda:InvokeFunction"], Resources = [server.FunctionArn] }));

        var schedule = new Rule(site, SiteIds.WarmerSchedule, new RuleProps
        {
            Description = $"AstroAws: keeps {plan.Instances} instance(s) of the site's server function warm",
            Schedule = Schedule.Rate(plan.Interval),
            // A late or retried warm-up only repeats the next one; the schedule is the retry.
            Targets = [new EventsLambdaTarget(warmer, new EventsLambdaTargetProps { RetryAttempts = 0, MaxEventAge = Duration.Minutes(1) })],
        });

        return new WarmParts(warmer, logGroup, schedule, WarmUpAfterDeploy(site, warmer, server));
    }

    /// <summary>
    /// Asks Lambda to run the warmer once the server function is deployed, without waiting for it (InvocationType
    /// Event): a new build starts with cold instances, and the schedule's next run may be 5 minutes away. The payload
    /// holds the server code's key, so each new build changes the resource and CloudFormation runs it again.
    /// </summary>
    private static AwsCustomResource WarmUpAfterDeploy(Construct site, LambdaFunction warmer, LambdaFunction server)
    {
        var call = new AwsSdkCall
        {
            Service = "Lambda",
            Action = "invoke",
            Parameters = new Dictionary<string, object>
            {
                ["FunctionName"] = warmer.FunctionName,
                ["InvocationType"] = "Event",
                ["Payload"] = Stack.Of(site).ToJsonString(new Dictionary<string, object> { ["astroAwsWarmUp"] = "after-deploy", ["serverCode"] = ServerCodeKey(server) }),
            },
            PhysicalResourceId = PhysicalResourceId.Of("warm-up"),
            OutputPaths = ["StatusCode"],
        };
        var warmUp = new AwsCustomResource(site, SiteIds.WarmUp, new AwsCustomResourceProps
        {
            OnCreate = call,
            OnUpdate = call,
            Policy = AwsCustomResourcePolicy.FromStatements(
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["lambda:InvokeFunction"], Resources = [warmer.FunctionArn] }),
            ]),
            InstallLatestAwsSdk = false,
        });
        warmUp.Node.AddDependency(server);
        AwsCustomResourceHandler.UseNewestRuntime(site);
        return warmUp;
    }

    /// <summary>The S3 key of the server's code asset (named by the staged content's hash), or its whole code location if CDK renders it otherwise.</summary>
    private static object ServerCodeKey(LambdaFunction server)
    {
        var code = Stack.Of(server).Resolve(((CfnFunction)server.Node.DefaultChild!).Code);
        if (code is IDictionary<string, object> location)
        {
            var key = location.FirstOrDefault(entry => string.Equals(entry.Key, "s3Key", StringComparison.OrdinalIgnoreCase)).Value;
            if (key is not null)
            {
                return key;
            }
        }

        return code;
    }
}
