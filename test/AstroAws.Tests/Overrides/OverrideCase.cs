using Amazon.CDK;
using Amazon.CDK.Assertions;
using Constructs;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Overrides;

/// <summary>
/// One row of an override table: how to set one property (and nothing else) on an override, and the evidence that the
/// value reached CDK. The evidence is either <see cref="Verify"/> on the synthesized template, or, where CDK cannot
/// show the value in a template on its own, the precise <see cref="CdkError"/> CDK raises because it received the value.
/// </summary>
/// <param name="Property">The property of the override contract this row covers.</param>
/// <param name="Arrange">Creates any real resources the value needs in the stack and returns the overrides.</param>
/// <param name="Verify">Template evidence; null when <paramref name="CdkError"/> is the evidence.</param>
/// <param name="CdkError">A fragment of the error CDK raises for the value; null when <paramref name="Verify"/> is the evidence.</param>
internal sealed record OverrideCase(string Property, Func<Stack, AstroAwsCdkProps> Arrange, Action<Synthesized>? Verify, string? CdkError = null)
{
    /// <summary>Other properties of the same override that CDK only reads together with this one (documented per row).</summary>
    public string[] Companions { get; init; } = [];

    /// <summary>What the user does with the site after creating it (e.g. adds a bucket notification), when the property only matters then.</summary>
    public Action<AstroAws>? After { get; init; }

    /// <summary>The build to deploy; <see cref="OverrideEnumerationTests.SampleDist"/> unless the property needs another mode.</summary>
    public Func<string>? OutDir { get; init; }

    public static OverrideCase Template(string property, Func<Stack, AstroAwsCdkProps> arrange, Action<Synthesized> verify) => new(property, arrange, verify);

    public static OverrideCase Error(string property, Func<Stack, AstroAwsCdkProps> arrange, string cdkError) => new(property, arrange, null, cdkError);
}

/// <summary>The overrides of one type: the contract whose properties must all have a row, and where it sits in <see cref="AstroAwsCdkProps"/>.</summary>
internal sealed record OverrideGroup(string Name, Type Contract, Func<AstroAwsCdkProps, object?> Extract, IReadOnlyList<OverrideCase> Cases);

/// <summary>A synthesized site and helpers to assert on its template.</summary>
internal sealed class Synthesized(Stack stack, AstroAws site, Template template)
{
    public Stack Stack { get; } = stack;

    public AstroAws Site { get; } = site;

    public Template Template { get; } = template;

    /// <summary>Some resource of <paramref name="type"/> has at least these properties (nested objects partially, arrays exactly).</summary>
    public void Has(string type, J properties) => Template.HasResourceProperties(type, Match.ObjectLike(properties));

    /// <summary>Exactly <paramref name="count"/> resources of <paramref name="type"/> have at least these properties.</summary>
    public void HasCount(string type, J properties, int count) => Template.ResourcePropertiesCountIs(type, Match.ObjectLike(properties), count);

    /// <summary>The site's server function (not the deployment or notification handlers).</summary>
    public void ServerFunction(J properties) => Has("AWS::Lambda::Function", With(properties, "Handler", "entry.handler"));

    /// <summary>The Lambda that runs both bucket deployments.</summary>
    public void DeploymentHandler(J properties) => Has("AWS::Lambda::Function", With(With(properties, "Handler", "index.handler"), "Timeout", 900));

    /// <summary>Both deployments (hashed assets and other files) carry these properties.</summary>
    public void BothDeployments(J properties) => HasCount("Custom::CDKBucketDeployment", properties, 2);

    public void Bucket(J properties) => Has("AWS::S3::Bucket", properties);

    public void DistributionConfig(J config) => Has("AWS::CloudFront::Distribution", new J { ["DistributionConfig"] = config });

    /// <summary>The origin in front of the function URL (the only custom origin).</summary>
    public void ServerOrigin(J origin) => DistributionConfig(new J { ["Origins"] = Match.ArrayWith([Match.ObjectLike(With(origin, "CustomOriginConfig", Match.AnyValue()))]) });

    /// <summary>The S3 origin.</summary>
    public void S3Origin(J origin) => DistributionConfig(new J { ["Origins"] = Match.ArrayWith([Match.ObjectLike(With(origin, "S3OriginConfig", Match.AnyValue()))]) });

    public J Ref(string id) => new() { ["Ref"] = LogicalId(id) };

    public J GetAtt(string id, string attribute) => new() { ["Fn::GetAtt"] = new object[] { LogicalId(id), attribute } };

    public J Ref(IConstruct construct) => new() { ["Ref"] = LogicalId(construct) };

    public J GetAtt(IConstruct construct, string attribute) => new() { ["Fn::GetAtt"] = new object[] { LogicalId(construct), attribute } };

    /// <summary>The logical ID of a resource the row created directly in the stack, by its construct ID.</summary>
    public string LogicalId(string id) => LogicalId(Stack.Node.FindChild(id));

    public string LogicalId(IConstruct construct)
    {
        var element = construct as CfnElement ?? construct.Node.DefaultChild as CfnElement
            ?? throw new InvalidOperationException($"{construct.Node.Path} has no CloudFormation resource of its own.");
        return (string)Stack.Resolve(element.LogicalId);
    }

    private static J With(J properties, string key, object value)
    {
        var copy = new J(properties);
        copy.TryAdd(key, value);
        return copy;
    }
}
