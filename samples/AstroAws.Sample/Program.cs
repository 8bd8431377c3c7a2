using Amazon.CDK;
using Astro.Aws.Rules;
using Astro.Aws.Sample;

// `cdk synth` runs this from the repository root (see cdk.json), so relative paths start there.
var app = new App();
var env = new Amazon.CDK.Environment
{
    Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
    Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") ?? "eu-west-1",
};

_ = new AstroSiteStack(app, "AstroAwsSample", new StackProps { Env = env, Description = "AstroAws sample: the Astro site in samples/astro-site" });
_ = new CustomPoliciesStack(app, "AstroAwsSampleCustomPolicies", new StackProps { Env = env, Description = "AstroAws sample: different cache policies for /api/* and pages" });
_ = new HttpApiStack(app, "AstroAwsSampleHttpApi", new StackProps { Env = env, Description = "AstroAws sample: a notes HTTP API" });
_ = new WebSocketStack(app, "AstroAwsSampleWebSocket", new StackProps { Env = env, Description = "AstroAws sample: a WebSocket API" });
_ = new SsrStreamSiteStack(app, "AstroAwsSampleSsrStream", new StackProps { Env = env, Description = "AstroAws sample: the site in ssr-stream mode" });
_ = new EdgeSiteStack(app, "AstroAwsSampleEdge", new StackProps { Env = env, Description = "AstroAws sample: the site in edge mode (Lambda@Edge)" });
_ = new StaticSiteStack(app, "AstroAwsSampleStatic", new StackProps { Env = env, Description = "AstroAws sample: a static build" });
_ = new HardenedSiteStack(app, "AstroAwsSampleHardened", new StackProps { Env = env, Description = "AstroAws sample: every hardening option on" });

// Fails `cdk synth`, listing each violation, if a template breaks one of the AWS rules of docs/aws-rules.md.
AwsRules.Verify(app.Synth().Directory);
