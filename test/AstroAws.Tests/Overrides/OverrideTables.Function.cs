using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CodeGuruProfiler;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.Destinations;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Signer;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using static Astro.Aws.Tests.Overrides.OverrideCase;
using EfsAccessPoint = Amazon.CDK.AWS.EFS.AccessPoint;
using EfsFileSystem = Amazon.CDK.AWS.EFS.FileSystem;
using J = System.Collections.Generic.Dictionary<string, object>;
using LambdaFileSystem = Amazon.CDK.AWS.Lambda.FileSystem;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;
using RetentionDays = Amazon.CDK.AWS.Logs.RetentionDays;

namespace Astro.Aws.Tests.Overrides;

internal static partial class OverrideTables
{
    /// <summary>
    /// AstroAwsCdkProps.LambdaFunction (AstroAwsFunctionOptions): lands on the server function (Handler entry.handler) or the
    /// resources CDK adds for it. Our defaults: nodejs24.x, arm64, 1024 MB, 25 s, a log group kept for one month.
    /// </summary>
    public static OverrideCase[] Function() =>
    [
        Template("Runtime", _ => LambdaFunction(new AstroAwsFunctionOptions { Runtime = Runtime.NODEJS_20_X }),
            t => t.ServerFunction(new J { ["Runtime"] = "nodejs20.x" })),

        Template("AdotInstrumentation", _ => LambdaFunction(new AstroAwsFunctionOptions { AdotInstrumentation = new AdotInstrumentationConfig { LayerVersion = AdotLayerVersion.FromJavaScriptSdkLayerVersion(AdotLambdaLayerJavaScriptSdkVersion.LATEST), ExecWrapper = AdotLambdaExecWrapper.REGULAR_HANDLER } }),
            t => t.ServerFunction(new J { ["Environment"] = new J { ["Variables"] = new J { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-handler" } } })),

        // Our function has no VPC, and CDK says an IPv6 egress rule needs one: the error shows the value arrived.
        Error("AllowAllIpv6Outbound", _ => LambdaFunction(new AstroAwsFunctionOptions { AllowAllIpv6Outbound = true }),
            "Cannot configure 'allowAllIpv6Outbound' without configuring a VPC"),

        Error("AllowAllOutbound", _ => LambdaFunction(new AstroAwsFunctionOptions { AllowAllOutbound = false }),
            "Cannot configure 'allowAllOutbound' without configuring a VPC"),

        // Only read with a VPC: in a VPC with public subnets only, CDK refuses the function unless this is true.
        Template("AllowPublicSubnet", stack => LambdaFunction(new AstroAwsFunctionOptions { Vpc = PublicOnlyVpc(stack), AllowPublicSubnet = true }),
            t => t.ServerFunction(new J { ["VpcConfig"] = new J { ["SubnetIds"] = Match.ArrayWith([t.Ref(((Vpc)t.Stack.Node.FindChild("PublicVpc")).PublicSubnets[0])]) } }))
            with { Companions = ["Vpc"] },

        // Log levels need the JSON log format (CDK refuses them otherwise), so each sets LoggingFormat too.
#pragma warning disable CS0618 // deprecated in CDK, still a property of the contract
        Template("ApplicationLogLevel", _ => LambdaFunction(new AstroAwsFunctionOptions { LoggingFormat = LoggingFormat.JSON, ApplicationLogLevel = "DEBUG" }),
            t => t.ServerFunction(new J { ["LoggingConfig"] = new J { ["ApplicationLogLevel"] = "DEBUG" } }))
            with { Companions = ["LoggingFormat"] },
#pragma warning restore CS0618

        Template("ApplicationLogLevelV2", _ => LambdaFunction(new AstroAwsFunctionOptions { LoggingFormat = LoggingFormat.JSON, ApplicationLogLevelV2 = ApplicationLogLevel.TRACE }),
            t => t.ServerFunction(new J { ["LoggingConfig"] = new J { ["ApplicationLogLevel"] = "TRACE" } }))
            with { Companions = ["LoggingFormat"] },

        Template("Architecture", _ => LambdaFunction(new AstroAwsFunctionOptions { Architecture = Architecture.X86_64 }),
            t => t.ServerFunction(new J { ["Architectures"] = new[] { "x86_64" } })),

        Template("CodeSigningConfig", stack => LambdaFunction(new AstroAwsFunctionOptions { CodeSigningConfig = UserCodeSigning(stack) }),
            t => t.ServerFunction(new J { ["CodeSigningConfigArn"] = t.GetAtt("UserCodeSigning", "CodeSigningConfigArn") })),

        // Used when the user asks for the function's current version.
        Template("CurrentVersionOptions", _ => LambdaFunction(new AstroAwsFunctionOptions { CurrentVersionOptions = new VersionOptions { Description = "enum version" } }),
            t => t.Has("AWS::Lambda::Version", new J { ["Description"] = "enum version" }))
            with { After = site => _ = site.ServerFunction!.CurrentVersion },

        Template("DeadLetterQueue", stack => LambdaFunction(new AstroAwsFunctionOptions { DeadLetterQueue = new Queue(stack, "UserQueue") }),
            t => t.ServerFunction(new J { ["DeadLetterConfig"] = new J { ["TargetArn"] = t.GetAtt("UserQueue", "Arn") } })),

        // CDK creates the queue itself.
        Template("DeadLetterQueueEnabled", _ => LambdaFunction(new AstroAwsFunctionOptions { DeadLetterQueueEnabled = true }),
            t => t.ServerFunction(new J { ["DeadLetterConfig"] = new J { ["TargetArn"] = t.GetAtt(t.Site.ServerFunction!.DeadLetterQueue!, "Arn") } })),

        Template("DeadLetterTopic", stack => LambdaFunction(new AstroAwsFunctionOptions { DeadLetterTopic = new Topic(stack, "UserTopic") }),
            t => t.ServerFunction(new J { ["DeadLetterConfig"] = new J { ["TargetArn"] = t.Ref("UserTopic") } })),

        Template("Description", _ => LambdaFunction(new AstroAwsFunctionOptions { Description = "enum description" }),
            t => t.ServerFunction(new J { ["Description"] = "enum description" })),

        Template("Environment", _ => LambdaFunction(new AstroAwsFunctionOptions { Environment = new Dictionary<string, string> { ["ENUM_FLAG"] = "on" } }),
            t => t.ServerFunction(new J { ["Environment"] = new J { ["Variables"] = new J { ["ENUM_FLAG"] = "on" } } })),

        Template("EnvironmentEncryption", stack => LambdaFunction(new AstroAwsFunctionOptions { EnvironmentEncryption = new Key(stack, "UserKey") }),
            t => t.ServerFunction(new J { ["KmsKeyArn"] = t.GetAtt("UserKey", "Arn") })),

        Template("EphemeralStorageSize", _ => LambdaFunction(new AstroAwsFunctionOptions { EphemeralStorageSize = Size.Mebibytes(1024) }),
            t => t.ServerFunction(new J { ["EphemeralStorage"] = new J { ["Size"] = 1024 } })),

        Template("Events", stack => LambdaFunction(new AstroAwsFunctionOptions { Events = [new SqsEventSource(new Queue(stack, "UserQueue"))] }),
            t => t.Has("AWS::Lambda::EventSourceMapping", new J { ["EventSourceArn"] = t.GetAtt("UserQueue", "Arn"), ["FunctionName"] = t.Ref(t.Site.ServerFunction!) })),

        // A real EFS access point, but our function has no VPC, and CDK says EFS needs one: the error shows the value arrived.
        Error("Filesystem", stack => LambdaFunction(new AstroAwsFunctionOptions { Filesystem = LambdaFileSystem.FromEfsAccessPoint(UserAccessPoint(stack), "/mnt/astro") }),
            "Cannot configure 'filesystem' without configuring a VPC."),

        Template("FunctionName", _ => LambdaFunction(new AstroAwsFunctionOptions { FunctionName = "astroaws-enum-server" }),
            t => t.ServerFunction(new J { ["FunctionName"] = "astroaws-enum-server" })),

        Template("InitialPolicy", _ => LambdaFunction(new AstroAwsFunctionOptions { InitialPolicy = [new PolicyStatement(new PolicyStatementProps { Actions = ["s3:ListAllMyBuckets"], Resources = ["*"] })] }),
            t => t.Has("AWS::IAM::Policy", new J { ["PolicyDocument"] = new J { ["Statement"] = Match.ArrayWith([Match.ObjectLike(new J { ["Action"] = "s3:ListAllMyBuckets" })]) } })),

        Template("InsightsVersion", _ => LambdaFunction(new AstroAwsFunctionOptions { InsightsVersion = LambdaInsightsVersion.VERSION_1_0_229_0 }),
            t => t.ServerFunction(new J { ["Layers"] = Match.ArrayWith([Match.StringLikeRegexp("LambdaInsightsExtension-Arm64")]) })),

        Error("Ipv6AllowedForDualStack", _ => LambdaFunction(new AstroAwsFunctionOptions { Ipv6AllowedForDualStack = true }),
            "Cannot configure 'ipv6AllowedForDualStack' without configuring a VPC"),

        Template("Layers", stack => LambdaFunction(new AstroAwsFunctionOptions { Layers = [LayerVersion.FromLayerVersionArn(stack, "UserLayer", "arn:aws:lambda:eu-west-1:123456789012:layer:enum:1")] }),
            t => t.ServerFunction(new J { ["Layers"] = Match.ArrayWith(["arn:aws:lambda:eu-west-1:123456789012:layer:enum:1"]) })),

#pragma warning disable CS0618 // deprecated in CDK, still a property of the contract
        Template("LogFormat", _ => LambdaFunction(new AstroAwsFunctionOptions { LogFormat = "JSON" }),
            t => t.ServerFunction(new J { ["LoggingConfig"] = new J { ["LogFormat"] = "JSON" } })),
#pragma warning restore CS0618

        Template("LoggingFormat", _ => LambdaFunction(new AstroAwsFunctionOptions { LoggingFormat = LoggingFormat.JSON }),
            t => t.ServerFunction(new J { ["LoggingConfig"] = new J { ["LogFormat"] = "JSON" } })),

        Template("LogGroup", stack => LambdaFunction(new AstroAwsFunctionOptions { LogGroup = new LogGroup(stack, "UserLogGroup") }),
            t => t.ServerFunction(new J { ["LoggingConfig"] = new J { ["LogGroup"] = t.Ref("UserLogGroup") } })),

        // CDK's own retention mechanism: a Custom::LogRetention on the function's default log group.
        Template("LogRetention", _ => LambdaFunction(new AstroAwsFunctionOptions { LogRetention = RetentionDays.ONE_WEEK }),
            t => t.Has("Custom::LogRetention", new J { ["RetentionInDays"] = 7 })),

        // Both are read only together with LogRetention.
        Template("LogRetentionRetryOptions", _ => LambdaFunction(new AstroAwsFunctionOptions { LogRetention = RetentionDays.ONE_WEEK, LogRetentionRetryOptions = new LogRetentionRetryOptions { MaxRetries = 4 } }),
            t => t.Has("Custom::LogRetention", new J { ["SdkRetry"] = new J { ["maxRetries"] = 4 } }))
            with { Companions = ["LogRetention"] },

        Template("LogRetentionRole", stack => LambdaFunction(new AstroAwsFunctionOptions { LogRetention = RetentionDays.ONE_WEEK, LogRetentionRole = UserRole(stack) }),
            t => t.Has("AWS::Lambda::Function", new J { ["Role"] = t.GetAtt("UserRole", "Arn"), ["Handler"] = "index.handler" }))
            with { Companions = ["LogRetention"] },

        Template("MemorySize", _ => LambdaFunction(new AstroAwsFunctionOptions { MemorySize = 2048 }),
            t => t.ServerFunction(new J { ["MemorySize"] = 2048 })),

        Template("ParamsAndSecrets", _ => LambdaFunction(new AstroAwsFunctionOptions { ParamsAndSecrets = ParamsAndSecretsLayerVersion.FromVersion(ParamsAndSecretsVersions.V1_0_103, new ParamsAndSecretsOptions { CacheSize = 500 }) }),
            t => t.ServerFunction(new J { ["Environment"] = new J { ["Variables"] = new J { ["PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE"] = "500" } } })),

        // CDK knows no CodeGuru agent for our nodejs24.x runtime and says so: the error shows the value arrived.
        Error("Profiling", _ => LambdaFunction(new AstroAwsFunctionOptions { Profiling = true }),
            "CodeGuru profiling is not supported by runtime nodejs24.x"),

        Error("ProfilingGroup", stack => LambdaFunction(new AstroAwsFunctionOptions { ProfilingGroup = new ProfilingGroup(stack, "UserProfilingGroup") }),
            "CodeGuru profiling is not supported by runtime nodejs24.x"),

        Template("RecursiveLoop", _ => LambdaFunction(new AstroAwsFunctionOptions { RecursiveLoop = RecursiveLoop.ALLOW }),
            t => t.ServerFunction(new J { ["RecursiveLoop"] = "Allow" })),

        Template("ReservedConcurrentExecutions", _ => LambdaFunction(new AstroAwsFunctionOptions { ReservedConcurrentExecutions = 5 }),
            t => t.ServerFunction(new J { ["ReservedConcurrentExecutions"] = 5 })),

        Template("Role", stack => LambdaFunction(new AstroAwsFunctionOptions { Role = UserRole(stack) }),
            t => t.ServerFunction(new J { ["Role"] = t.GetAtt("UserRole", "Arn") })),

        Template("RuntimeManagementMode", _ => LambdaFunction(new AstroAwsFunctionOptions { RuntimeManagementMode = RuntimeManagementMode.FUNCTION_UPDATE }),
            t => t.ServerFunction(new J { ["RuntimeManagementConfig"] = new J { ["UpdateRuntimeOn"] = "FunctionUpdate" } })),

        // A real security group (in a VPC of the user's), but our function has no VPC: CDK's error shows the value arrived.
        Error("SecurityGroups", stack => LambdaFunction(new AstroAwsFunctionOptions { SecurityGroups = [new SecurityGroup(stack, "UserSecurityGroup", new SecurityGroupProps { Vpc = UserVpc(stack) })] }),
            "Cannot configure 'securityGroups' without configuring a VPC"),

        // SnapStart needs Java (or Python/.NET in later CDKs); CDK refuses it for Node.js, which shows the value arrived.
        Error("SnapStart", _ => LambdaFunction(new AstroAwsFunctionOptions { SnapStart = SnapStartConf.ON_PUBLISHED_VERSIONS }),
            "SnapStart currently not supported by runtime nodejs24.x"),

#pragma warning disable CS0618 // deprecated in CDK, still a property of the contract
        Template("SystemLogLevel", _ => LambdaFunction(new AstroAwsFunctionOptions { LoggingFormat = LoggingFormat.JSON, SystemLogLevel = "WARN" }),
            t => t.ServerFunction(new J { ["LoggingConfig"] = new J { ["SystemLogLevel"] = "WARN" } }))
            with { Companions = ["LoggingFormat"] },
#pragma warning restore CS0618

        Template("SystemLogLevelV2", _ => LambdaFunction(new AstroAwsFunctionOptions { LoggingFormat = LoggingFormat.JSON, SystemLogLevelV2 = SystemLogLevel.DEBUG }),
            t => t.ServerFunction(new J { ["LoggingConfig"] = new J { ["SystemLogLevel"] = "DEBUG" } }))
            with { Companions = ["LoggingFormat"] },

        Template("Timeout", _ => LambdaFunction(new AstroAwsFunctionOptions { Timeout = Duration.Seconds(12) }),
            t => t.ServerFunction(new J { ["Timeout"] = 12 })),

        Template("Tracing", _ => LambdaFunction(new AstroAwsFunctionOptions { Tracing = Tracing.ACTIVE }),
            t => t.ServerFunction(new J { ["TracingConfig"] = new J { ["Mode"] = "Active" } })),

        Template("Vpc", stack => LambdaFunction(new AstroAwsFunctionOptions { Vpc = UserVpc(stack) }),
            t => t.ServerFunction(new J { ["VpcConfig"] = new J { ["SubnetIds"] = Match.ArrayWith([t.Ref(((Vpc)t.Stack.Node.FindChild("UserVpc")).PrivateSubnets[0])]) } })),

        Error("VpcSubnets", _ => LambdaFunction(new AstroAwsFunctionOptions { VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS } }),
            "Cannot configure 'vpcSubnets' without configuring a VPC"),

        Template("MaxEventAge", _ => LambdaFunction(new AstroAwsFunctionOptions { MaxEventAge = Duration.Minutes(5) }),
            t => t.Has("AWS::Lambda::EventInvokeConfig", new J { ["MaximumEventAgeInSeconds"] = 300 })),

        Template("OnFailure", stack => LambdaFunction(new AstroAwsFunctionOptions { OnFailure = new SqsDestination(new Queue(stack, "UserQueue")) }),
            t => t.Has("AWS::Lambda::EventInvokeConfig", new J { ["DestinationConfig"] = new J { ["OnFailure"] = new J { ["Destination"] = t.GetAtt("UserQueue", "Arn") } } })),

        Template("OnSuccess", stack => LambdaFunction(new AstroAwsFunctionOptions { OnSuccess = new SqsDestination(new Queue(stack, "UserQueue")) }),
            t => t.Has("AWS::Lambda::EventInvokeConfig", new J { ["DestinationConfig"] = new J { ["OnSuccess"] = new J { ["Destination"] = t.GetAtt("UserQueue", "Arn") } } })),

        Template("RetryAttempts", _ => LambdaFunction(new AstroAwsFunctionOptions { RetryAttempts = 1 }),
            t => t.Has("AWS::Lambda::EventInvokeConfig", new J { ["MaximumRetryAttempts"] = 1 })),
    ];

    private static AstroAwsCdkProps LambdaFunction(AstroAwsFunctionOptions options) => new() { LambdaFunction = options };

    private static Vpc PublicOnlyVpc(Constructs.Construct scope) => new(scope, "PublicVpc", new VpcProps
    {
        MaxAzs = 2,
        NatGateways = 0,
        SubnetConfiguration = [new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC }],
    });

    private static CodeSigningConfig UserCodeSigning(Constructs.Construct scope) => new(scope, "UserCodeSigning", new CodeSigningConfigProps
    {
        SigningProfiles = [new SigningProfile(scope, "UserSigningProfile", new SigningProfileProps { Platform = Platform.AWS_LAMBDA_SHA384_ECDSA })],
    });

    private static EfsAccessPoint UserAccessPoint(Constructs.Construct scope) =>
        new EfsFileSystem(scope, "UserFileSystem", new Amazon.CDK.AWS.EFS.FileSystemProps { Vpc = UserVpc(scope) }).AddAccessPoint("UserAccessPoint");
}
