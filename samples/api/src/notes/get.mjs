import notes, { json } from "./store.mjs";

export async function main(event) {
  const note = notes.get(event.pathParameters?.id);
  return note ? json(200, note) : json(404, { error: "not found" });
}
