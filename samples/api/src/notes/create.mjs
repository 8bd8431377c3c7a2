import notes, { json } from "./store.mjs";

export async function main(event) {
  const body = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString() : event.body ?? "{}");
  if (typeof body.text !== "string" || body.text.length === 0) return json(400, { error: "text is required" });
  const note = { id: String(notes.size + 1), text: body.text };
  notes.set(note.id, note);
  return json(201, note);
}
