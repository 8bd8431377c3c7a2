// A WebSocket $connect authorizer answering with an IAM policy on the methodArn it is given: ?ticket=ok is allowed
// with a context, any other ticket denied. A connection without a ticket never reaches it (the identity source).
export const main = async (event) => ({
  principalId: "ada",
  policyDocument: {
    Version: "2012-10-17",
    Statement: [{ Action: "execute-api:Invoke", Effect: event.queryStringParameters?.ticket === "ok" ? "Allow" : "Deny", Resource: event.methodArn }],
  },
  context: { room: "lobby" },
});
