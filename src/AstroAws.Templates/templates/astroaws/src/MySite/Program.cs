using Amazon.CDK;
using MySite;

// `cdk synth` runs this from the folder of cdk.json (see cdk.json's "app"), where site/ is.
var app = new App();
_ = new SiteStack(app, "SITE_STACK_NAME", Directory.GetCurrentDirectory(), new StackProps
{
    // The CDK CLI sets these from your AWS profile; without one (e.g. in CI) the region below is used.
    Env = new Amazon.CDK.Environment
    {
        Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
        Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") ?? "us-east-1",
    },
});
app.Synth();
