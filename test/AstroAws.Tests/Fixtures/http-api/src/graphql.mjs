export async function main(event) {
  return { statusCode: 200, body: JSON.stringify({ handler: "graphql", path: event.rawPath }) };
}
