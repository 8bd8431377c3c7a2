// $connect: runs once per connection. Return 200 to accept it; any other status refuses it.
// WebSocket APIs have no CORS, so this is where to check who is connecting (e.g. the Origin header).
export const main = async (event) => {
  const origin = event.headers?.Origin ?? event.headers?.origin;
  console.log("connect", event.requestContext.connectionId, origin ?? "(no origin)");
  return { statusCode: 200 };
};
