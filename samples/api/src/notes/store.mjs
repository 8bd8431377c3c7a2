// A stand-in store so the sample stays dependency-free; a real app would use DynamoDB or similar.
const notes = new Map([["1", { id: "1", text: "Hello from AstroHttpApi" }]]);

export const json = (statusCode, body) => ({
  statusCode,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export default notes;
