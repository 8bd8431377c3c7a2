// GET, PUT and DELETE /notes/{id}: the parameter arrives in event.pathParameters.id.
const json = (statusCode, value) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

export async function get(event) {
  return json(200, { id: event.pathParameters.id });
}

async function replace(event) {
  return json(200, { id: event.pathParameters.id, ...JSON.parse(event.body ?? '{}') });
}

async function remove() {
  return { statusCode: 204 };
}

// `destroy` answers DELETE (`delete` is a reserved word in JavaScript).
export { replace as put, remove as destroy };
