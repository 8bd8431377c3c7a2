export async function main(event) {
  return { statusCode: 200, body: JSON.stringify({ handler: "delete", path: event.rawPath }) };
}
