// GET /notes and POST /notes.
const json = (statusCode, value) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

export async function get() {
  return json(200, { notes: [] });
}

export async function post(event) {
  const note = JSON.parse(event.body ?? '{}');
  return json(201, { id: crypto.randomUUID(), ...note });
}
