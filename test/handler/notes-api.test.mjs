// The sample HTTP API's handlers (samples/api/src/notes), called with API Gateway HTTP API payload 2.0 events.
import { test } from "node:test";
import assert from "node:assert/strict";
import { main as list } from "../../samples/api/src/notes/list.mjs";
import { main as create } from "../../samples/api/src/notes/create.mjs";
import { main as get } from "../../samples/api/src/notes/get.mjs";

const httpApiEvent = (routeKey, { pathParameters, body } = {}) => ({
  version: "2.0",
  routeKey,
  rawPath: routeKey.split(" ")[1],
  rawQueryString: "",
  headers: { "content-type": "application/json" },
  requestContext: { http: { method: routeKey.split(" ")[0] } },
  pathParameters,
  body,
  isBase64Encoded: false,
});

test("GET /notes lists the notes", async () => {
  const response = await list(httpApiEvent("GET /notes"));
  assert.equal(response.statusCode, 200);
  assert.ok(Array.isArray(JSON.parse(response.body)));
});

test("POST /notes creates a note that GET /notes/{id} returns", async () => {
  const created = await create(httpApiEvent("POST /notes", { body: JSON.stringify({ text: "buy milk" }) }));
  assert.equal(created.statusCode, 201);
  const { id } = JSON.parse(created.body);
  const fetched = await get(httpApiEvent("GET /notes/{id}", { pathParameters: { id } }));
  assert.equal(fetched.statusCode, 200);
  assert.equal(JSON.parse(fetched.body).text, "buy milk");
});

test("POST /notes without text is a 400 and an unknown id a 404", async () => {
  assert.equal((await create(httpApiEvent("POST /notes", { body: "{}" }))).statusCode, 400);
  assert.equal((await get(httpApiEvent("GET /notes/{id}", { pathParameters: { id: "nope" } }))).statusCode, 404);
});
