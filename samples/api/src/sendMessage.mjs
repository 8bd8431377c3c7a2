// sendMessage: {"action":"sendMessage","data":"..."}.
// To push to other connections, POST to process.env.WEBSOCKET_CALLBACK_URL + "/@connections/{id}" with
// PostToConnectionCommand from @aws-sdk/client-apigatewaymanagementapi (in the Lambda Node.js runtime), passing
// endpoint: process.env.WEBSOCKET_CALLBACK_URL; a GoneException (410) means that connection is closed: forget it.
// The sample stays dependency-free and only acknowledges the message.
export const main = async (event) => {
  let data = null;
  try {
    data = JSON.parse(event.body ?? "{}").data ?? null;
  } catch {
    return { statusCode: 400, body: "message must be JSON" };
  }
  console.log("sendMessage", event.requestContext.connectionId, data, "callback:", process.env.WEBSOCKET_CALLBACK_URL);
  return { statusCode: 200 };
};
