export async function main(event) {
  return { statusCode: 200, body: JSON.stringify({ handler: "default", path: event.rawPath }) };
}
