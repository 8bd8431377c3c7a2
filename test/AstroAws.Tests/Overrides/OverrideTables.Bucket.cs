using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;
using Amazon.CDK.AWS.SQS;
using static Astro.Aws.Tests.Overrides.OverrideCase;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Overrides;

internal static partial class OverrideTables
{
    /// <summary>AstroAwsCdkProps.S3Bucket (IBucketProps). Our defaults: BLOCK_ALL, S3_MANAGED, EnforceSSL, BUCKET_OWNER_ENFORCED.</summary>
    public static OverrideCase[] Bucket() =>
    [
        Template("AccessControl", _ => S3Bucket(new BucketProps { AccessControl = BucketAccessControl.PRIVATE }),
            t => t.Bucket(new J { ["AccessControl"] = "Private" })),

        // CDK refuses auto-deletion unless the removal policy is DESTROY (ours is CDK's RETAIN), so the error is the evidence.
        Error("AutoDeleteObjects", _ => S3Bucket(new BucketProps { AutoDeleteObjects = true }),
            "Cannot use 'autoDeleteObjects' property on a bucket without setting removal policy to 'DESTROY'."),

        Template("BlockPublicAccess", _ => S3Bucket(new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ACLS }),
            t => t.Bucket(new J { ["PublicAccessBlockConfiguration"] = Match.ObjectEquals(new J { ["BlockPublicAcls"] = true, ["IgnorePublicAcls"] = true }) })),

        Template("BucketKeyEnabled", _ => S3Bucket(new BucketProps { BucketKeyEnabled = true }),
            t => t.Bucket(new J { ["BucketEncryption"] = new J { ["ServerSideEncryptionConfiguration"] = new object[] { new J { ["BucketKeyEnabled"] = true, ["ServerSideEncryptionByDefault"] = new J { ["SSEAlgorithm"] = "AES256" } } } } })),

        Template("BucketName", _ => S3Bucket(new BucketProps { BucketName = "astroaws-enum-site" }),
            t => t.Bucket(new J { ["BucketName"] = "astroaws-enum-site" })),

        Template("Cors", _ => S3Bucket(new BucketProps { Cors = [new CorsRule { AllowedMethods = [HttpMethods.GET], AllowedOrigins = ["https://enum.example.com"] }] }),
            t => t.Bucket(new J { ["CorsConfiguration"] = new J { ["CorsRules"] = new object[] { new J { ["AllowedMethods"] = new[] { "GET" }, ["AllowedOrigins"] = new[] { "https://enum.example.com" } } } } })),

        Template("Encryption", _ => S3Bucket(new BucketProps { Encryption = BucketEncryption.KMS_MANAGED }),
            t => t.Bucket(new J { ["BucketEncryption"] = new J { ["ServerSideEncryptionConfiguration"] = new object[] { new J { ["ServerSideEncryptionByDefault"] = new J { ["SSEAlgorithm"] = "aws:kms" } } } } })),

        // Our default Encryption is S3_MANAGED, and CDK refuses a key with anything but KMS: the error shows the key arrived.
        Error("EncryptionKey", stack => S3Bucket(new BucketProps { EncryptionKey = new Key(stack, "UserKey") }),
            "encryptionKey is specified, so 'encryption' must be set to KMS or DSSE (value: S3_MANAGED)"),

        // Our EnforceSSL adds a Deny on aws:SecureTransport=false to the bucket policy; with false it is gone.
        Template("EnforceSSL", _ => S3Bucket(new BucketProps { EnforceSSL = false }),
            t => t.HasCount("AWS::S3::BucketPolicy", new J { ["PolicyDocument"] = new J { ["Statement"] = Match.ArrayWith([Match.ObjectLike(new J { ["Effect"] = "Deny" })]) } }, 0)),

        Template("EventBridgeEnabled", _ => S3Bucket(new BucketProps { EventBridgeEnabled = true }),
            t => t.Has("Custom::S3BucketNotifications", new J { ["NotificationConfiguration"] = new J { ["EventBridgeConfiguration"] = new J() } })),

        Template("IntelligentTieringConfigurations", _ => S3Bucket(new BucketProps { IntelligentTieringConfigurations = [new IntelligentTieringConfiguration { Name = "enum-tiering", ArchiveAccessTierTime = Duration.Days(90) }] }),
            t => t.Bucket(new J { ["IntelligentTieringConfigurations"] = new object[] { new J { ["Id"] = "enum-tiering", ["Tierings"] = new object[] { new J { ["AccessTier"] = "ARCHIVE_ACCESS", ["Days"] = 90 } } } } })),

        Template("Inventories", stack => S3Bucket(new BucketProps { Inventories = [new Inventory { InventoryId = "enum-inventory", Destination = new InventoryDestination { Bucket = new Bucket(stack, "InventoryBucket") } }] }),
            t => t.Bucket(new J { ["InventoryConfigurations"] = new object[] { new J { ["Id"] = "enum-inventory", ["Destination"] = new J { ["BucketArn"] = t.GetAtt("InventoryBucket", "Arn") } } } })),

        Template("LifecycleRules", _ => S3Bucket(new BucketProps { LifecycleRules = [new LifecycleRule { Id = "enum-expire", Expiration = Duration.Days(30) }] }),
            t => t.Bucket(new J { ["LifecycleConfiguration"] = new J { ["Rules"] = new object[] { new J { ["Id"] = "enum-expire", ["ExpirationInDays"] = 30, ["Status"] = "Enabled" } } } })),

        Template("Metrics", _ => S3Bucket(new BucketProps { Metrics = [new BucketMetrics { Id = "enum-metrics", Prefix = "pages/" }] }),
            t => t.Bucket(new J { ["MetricsConfigurations"] = new object[] { new J { ["Id"] = "enum-metrics", ["Prefix"] = "pages/" } } })),

        // Needs EnforceSSL, which is our default: the TLS condition lands in the bucket policy.
        Template("MinimumTLSVersion", _ => S3Bucket(new BucketProps { MinimumTLSVersion = 1.3 }),
            t => t.Has("AWS::S3::BucketPolicy", new J { ["PolicyDocument"] = new J { ["Statement"] = Match.ArrayWith([Match.ObjectLike(new J { ["Condition"] = new J { ["NumericLessThan"] = new J { ["s3:TlsVersion"] = 1.3 } } })]) } })),

        // The notifications handler exists only once the user adds a notification to the site's bucket.
        Template("NotificationsHandlerRole", stack => S3Bucket(new BucketProps { NotificationsHandlerRole = UserRole(stack) }),
            t => t.Has("AWS::Lambda::Function", new J { ["Role"] = t.GetAtt("UserRole", "Arn"), ["Handler"] = "index.handler" }))
            with { After = AddQueueNotification },

        Template("NotificationsSkipDestinationValidation", _ => S3Bucket(new BucketProps { NotificationsSkipDestinationValidation = true }),
            t => t.Has("Custom::S3BucketNotifications", new J { ["SkipDestinationValidation"] = true }))
            with { After = AddQueueNotification },

        Template("ObjectLockDefaultRetention", _ => S3Bucket(new BucketProps { ObjectLockDefaultRetention = ObjectLockRetention.Governance(Duration.Days(3)) }),
            t => t.Bucket(new J { ["ObjectLockConfiguration"] = new J { ["Rule"] = new J { ["DefaultRetention"] = new J { ["Mode"] = "GOVERNANCE", ["Days"] = 3 } } } })),

        Template("ObjectLockEnabled", _ => S3Bucket(new BucketProps { ObjectLockEnabled = true }),
            t => t.Bucket(new J { ["ObjectLockEnabled"] = true })),

        // BUCKET_OWNER_PREFERRED: an Origin Access Control refuses OBJECT_WRITER (a refusal of its own, in BadInputTests).
        Template("ObjectOwnership", _ => S3Bucket(new BucketProps { ObjectOwnership = ObjectOwnership.BUCKET_OWNER_PREFERRED }),
            t => t.Bucket(new J { ["OwnershipControls"] = new J { ["Rules"] = new object[] { new J { ["ObjectOwnership"] = "BucketOwnerPreferred" } } } })),

        // Our BLOCK_ALL forbids public read, and CDK says so: the error shows the value arrived.
        Error("PublicReadAccess", _ => S3Bucket(new BucketProps { PublicReadAccess = true }),
            "Cannot grant public access when 'blockPublicPolicy' is enabled"),

        Template("RemovalPolicy", _ => S3Bucket(new BucketProps { RemovalPolicy = RemovalPolicy.DESTROY }),
            t => t.Template.HasResource("AWS::S3::Bucket", Match.ObjectLike(new J { ["DeletionPolicy"] = "Delete", ["UpdateReplacePolicy"] = "Delete" }))),

        Template("ServerAccessLogsBucket", stack => S3Bucket(new BucketProps { ServerAccessLogsBucket = new Bucket(stack, "AccessLogs") }),
            t => t.Bucket(new J { ["LoggingConfiguration"] = new J { ["DestinationBucketName"] = t.Ref("AccessLogs") } })),

        // A prefix alone logs to the site bucket itself; without the @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy flag CDK
        // grants that by ACL, which our BUCKET_OWNER_ENFORCED forbids, and CDK says so at synth: the error shows the prefix arrived.
        Error("ServerAccessLogsPrefix", _ => S3Bucket(new BucketProps { ServerAccessLogsPrefix = "access-logs/" }),
            "objectOwnership must be set to \"ObjectWriter\" when accessControl is \"LogDeliveryWrite\""),

        // CDK reads the key format only when access logging is on; a log bucket of the user's turns it on.
        Template("TargetObjectKeyFormat", stack => S3Bucket(new BucketProps { ServerAccessLogsBucket = new Bucket(stack, "AccessLogs"), TargetObjectKeyFormat = TargetObjectKeyFormat.SimplePrefix() }),
            t => t.Bucket(new J { ["LoggingConfiguration"] = new J { ["TargetObjectKeyFormat"] = new J { ["SimplePrefix"] = new J() } } }))
            with { Companions = ["ServerAccessLogsBucket"] },

        Template("TransferAcceleration", _ => S3Bucket(new BucketProps { TransferAcceleration = true }),
            t => t.Bucket(new J { ["AccelerateConfiguration"] = new J { ["AccelerationStatus"] = "Enabled" } })),

        Template("Versioned", _ => S3Bucket(new BucketProps { Versioned = true }),
            t => t.Bucket(new J { ["VersioningConfiguration"] = new J { ["Status"] = "Enabled" } })),

        // CDK refuses an error document without an index document.
        Error("WebsiteErrorDocument", _ => S3Bucket(new BucketProps { WebsiteErrorDocument = "404.html" }),
            "\"websiteIndexDocument\" is required if \"websiteErrorDocument\" is set"),

        Template("WebsiteIndexDocument", _ => S3Bucket(new BucketProps { WebsiteIndexDocument = "start.html" }),
            t => t.Bucket(new J { ["WebsiteConfiguration"] = new J { ["IndexDocument"] = "start.html" } })),

        Template("WebsiteRedirect", _ => S3Bucket(new BucketProps { WebsiteRedirect = new RedirectTarget { HostName = "enum.example.com" } }),
            t => t.Bucket(new J { ["WebsiteConfiguration"] = new J { ["RedirectAllRequestsTo"] = new J { ["HostName"] = "enum.example.com" } } })),

        Template("WebsiteRoutingRules", _ => S3Bucket(new BucketProps { WebsiteRoutingRules = [new RoutingRule { HostName = "enum.example.com", Condition = new RoutingRuleCondition { KeyPrefixEquals = "old/" } }] }),
            t => t.Bucket(new J { ["WebsiteConfiguration"] = new J { ["RoutingRules"] = new object[] { new J { ["RedirectRule"] = new J { ["HostName"] = "enum.example.com" }, ["RoutingRuleCondition"] = new J { ["KeyPrefixEquals"] = "old/" } } } } })),
    ];

    private static AstroAwsCdkProps S3Bucket(IBucketProps props) => new() { S3Bucket = props };

    private static Role UserRole(Constructs.Construct scope) => new(scope, "UserRole", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });

    private static void AddQueueNotification(AstroAws site) =>
        site.Bucket.AddEventNotification(EventType.OBJECT_CREATED, new SqsDestination(new Queue(site, "UserQueue")));
}
