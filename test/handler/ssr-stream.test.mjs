// The same bundle built with mode "ssr-stream" (Lambda response streaming via
// awslambda.streamifyResponse). Built by scripts/test-handler.sh into
// samples/astro-site/dist-ssr-stream; skipped when that build is absent so that
// `node --test` on a plain ssr build still runs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

import { bodyText, formPostEvent, functionUrlEvent, jsonPostEvent } from "./events.mjs";
import { SITE, installAwsLambdaStandIn, lambdaContext, loadHandler } from "./load.mjs";

const DIST = process.env.ASTRO_SSR_STREAM_DIST ?? resolve(SITE, "dist-ssr-stream");
const HINT = "ASTRO_AWS_MODE=ssr-stream scripts/build-sample.sh --out-dir dist-ssr-stream";
const missing = !existsSync(resolve(DIST, "lambda/entry.mjs"));

const invoke = (event) => handler(event, lambdaContext());

let handler;
let loadError;
if (!missing) {
  installAwsLambdaStandIn(); // must exist before the bundle is imported
  try {
    handler = await loadHandler(DIST, "ssr-stream", HINT);
  } catch (err) {
    loadError = err;
  }
}
test("samples/astro-site ssr-stream build is usable", { skip: missing && `no build at ${DIST}; run: ${HINT}` }, () => {
  if (loadError) throw loadError;
});

const originalLog = { log: console.log, info: console.info, debug: console.debug };
describe("ssr-stream handler (response streaming)", { skip: (missing || loadError) && "no usable build" }, () => {
  before(() => {
    if (!process.env.DEBUG_HANDLER) console.log = console.info = console.debug = () => {};
  });
  after(() => Object.assign(console, originalLog));

  test("GET /ssr streams status, headers, cookies and the page", async () => {
    const res = await invoke(functionUrlEvent({ path: "/ssr?name=Ada", cookies: ["theme=dark"] }));
    assert.equal(res.streamed, true);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers["content-type"], /^text\/html/);
    assert.deepEqual(res.cookies, ["last-name=Ada; Path=/; HttpOnly; SameSite=Lax"]);
    assert.match(res.body, /data-name="Ada"/);
    assert.match(res.body, /data-theme="dark"/);
  });

  // docs/modes.md says so: @astro-aws/adapter 2.0.0 writes the prelude, then the whole rendered page in one write, so
  // ssr-stream raises Lambda's response limit but does not render progressively.
  test("the page body arrives in one write: the adapter buffers the page", async () => {
    const res = await invoke(functionUrlEvent({ path: "/ssr?name=Ada" }));
    assert.equal(res.streamed, true);
    assert.equal(res.chunks, 1);
    assert.ok(res.body.length > 0);
  });

  test("form POST with x-forwarded-host succeeds, without it gets 403", async () => {
    const ok = await invoke(formPostEvent("/form", { message: "streamed" }));
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /data-posted="streamed"/);
    const denied = await invoke(formPostEvent("/form", { message: "streamed" }, { viaCloudFront: false }));
    assert.equal(denied.statusCode, 403);
  });

  test("JSON endpoint and 404 page", async () => {
    const echo = await invoke(jsonPostEvent("/api/hello", { a: 1 }));
    assert.deepEqual(JSON.parse(echo.body), { echo: { a: 1 } });
    const missingPage = await invoke(functionUrlEvent({ path: "/nope" }));
    assert.equal(missingPage.statusCode, 404);
    assert.match(bodyText(missingPage), /id="not-found"/);
  });
});
