using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Apis.Common;

/// <summary>
/// Where an API's route functions go in another scope: one child per API, named after the API's path in the app, so
/// several APIs can share the scope without their functions' IDs meeting.
/// </summary>
internal static class FunctionHolder
{
    public static Construct In(Construct functionScope, Construct api)
    {
        var holderId = Names.UniqueId(api) + "Functions";
        return functionScope.Node.TryFindChild(holderId) as Construct ?? new Construct(functionScope, holderId);
    }
}
