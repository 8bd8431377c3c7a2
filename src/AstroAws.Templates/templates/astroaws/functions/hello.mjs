// GET /hello on the HTTP API. API Gateway sends payload format 2.0 and reads this object as the response.
export const main = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ message: "hello", query: event.queryStringParameters ?? {} }),
});
