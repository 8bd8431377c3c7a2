export async function main(event) {
  return { statusCode: 200, body: JSON.stringify({ handler: "list", path: event.rawPath }) };
}
