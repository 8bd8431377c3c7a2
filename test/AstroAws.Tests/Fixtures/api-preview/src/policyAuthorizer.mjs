// An HTTP API Lambda authorizer that answers with an IAM policy, picked by the Authorization header so one test sees
// every outcome: "allow" names the route ARN it was given, "exact" the request's own path (/*/items/42) and not the
// route key's {id}, "wildcard" every GET below /items/ of any stage, "elsewhere" only POST routes, "manage" this route
// but for another action, "deny" allows the whole API but denies this route, "broken" returns no policy, anything
// else throws.
export const main = async (event) => {
  const arn = event.routeArn ?? event.methodArn;
  const api = arn.split("/")[0];
  const statement = (Effect, Resource, Action = "execute-api:Invoke") => ({ Action, Effect, Resource });
  const policy = (...Statement) => ({
    principalId: "ada",
    policyDocument: { Version: "2012-10-17", Statement },
    context: { who: "policy-fixture", payload: event.version ?? null },
  });
  switch (event.headers?.authorization) {
    case "allow": return policy(statement("Allow", arn));
    case "exact": return policy(statement("Allow", `${api}/*/GET/*/items/42`));
    case "wildcard": return policy(statement("Allow", [`${api}/*/POST/*`, `${api}/*/GET/*/items/*`]));
    case "elsewhere": return policy(statement("Allow", `${api}/*/POST/*`));
    case "manage": return policy(statement("Allow", arn, "execute-api:ManageConnections"));
    case "deny": return policy(statement("Allow", `${api}/*`), statement("Deny", arn));
    case "broken": return { principalId: "ada" };
    default: throw new Error("the authorizer fixture was asked to fail");
  }
};
