import notes, { json } from "./store.mjs";

export async function main() {
  return json(200, [...notes.values()]);
}
