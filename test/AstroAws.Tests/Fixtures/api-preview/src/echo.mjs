// Answers with the parts of the event the tests check, in either payload format.
export const main = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    version: event.version,
    routeKey: event.routeKey ?? event.requestContext?.resourceId,
    path: event.rawPath ?? event.path,
    method: event.requestContext?.http?.method ?? event.httpMethod,
    pathParameters: event.pathParameters ?? null,
    multiValueHeaders: event.multiValueHeaders ? Object.keys(event.multiValueHeaders).length > 0 : false,
    body: event.body ?? null,
    authorizer: event.requestContext?.authorizer ?? null,
  }),
});
