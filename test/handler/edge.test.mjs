// The sample built with mode "edge": a Lambda@Edge handler for CloudFront
// origin-request / origin-response events (default behaviour on the S3 origin).
// Built by scripts/test-handler.sh into samples/astro-site/dist-edge; skipped
// when that build is absent.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

import { CLOUDFRONT_ORIGIN, cloudFrontEvent, functionUrlEvent } from "./events.mjs";
import { SITE, lambdaContext, loadHandler } from "./load.mjs";

const DIST = process.env.ASTRO_EDGE_DIST ?? resolve(SITE, "dist-edge");
const HINT = "ASTRO_AWS_MODE=edge scripts/build-sample.sh --out-dir dist-edge";
const missing = !existsSync(resolve(DIST, "lambda/entry.mjs"));

let handler;
let loadError;
if (!missing) {
  try {
    handler = await loadHandler(DIST, "edge", HINT);
  } catch (err) {
    loadError = err;
  }
}
test("samples/astro-site edge build is usable", { skip: missing && `no build at ${DIST}; run: ${HINT}` }, () => {
  if (loadError) throw loadError;
});

const invoke = (event) => handler(event, lambdaContext());
const h = (res, name) => res.headers?.[name]?.[0]?.value;
const formPost = (path, body, opts = {}) =>
  cloudFrontEvent({
    method: "POST",
    path,
    body,
    ...opts,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: CLOUDFRONT_ORIGIN },
  });

const originalLog = { log: console.log, info: console.info, debug: console.debug, error: console.error };
describe("edge handler (Lambda@Edge origin-request / origin-response)", { skip: (missing || loadError) && "no usable build" }, () => {
  before(() => {
    // edge mode logs every request at info level
    if (!process.env.DEBUG_HANDLER) console.log = console.info = console.debug = console.error = () => {};
  });
  after(() => Object.assign(console, originalLog));

  test("origin-request for an SSR route renders it (CloudFront response shape)", async () => {
    const res = await invoke(cloudFrontEvent({ path: "/ssr?name=Ada", headers: { cookie: "theme=dark" } }));
    assert.equal(res.status, "200");
    assert.equal(res.bodyEncoding, "text");
    assert.match(h(res, "content-type"), /^text\/html/);
    assert.equal(h(res, "set-cookie"), "last-name=Ada; Path=/; HttpOnly; SameSite=Lax");
    assert.match(res.body, /data-name="Ada"/);
    assert.match(res.body, /data-theme="dark"/);
  });

  test("origin-request for a prerendered page or public file passes the request through to S3", async () => {
    for (const path of ["/about", "/robots.txt", "/images/logo.svg"]) {
      const event = cloudFrontEvent({ path });
      const res = await invoke(event);
      assert.equal(res.uri, path, `${path} should be returned as the (unchanged) request`);
      assert.equal(res.status, undefined);
      assert.deepEqual(res, event.Records[0].cf.request);
    }
  });

  test("form POST succeeds with x-forwarded-host, gets 403 without it (host = S3 origin)", async () => {
    const ok = await invoke(formPost("/form", "message=edge+post"));
    assert.equal(ok.status, "200");
    assert.match(ok.body, /data-posted="edge post"/);
    const denied = await invoke(formPost("/form", "message=edge+post", { viaCloudFront: false }));
    assert.equal(denied.status, "403");
  });

  test("origin-response with a 4xx from S3 renders the 404 page; a 2xx passes through", async () => {
    const notFound = await invoke(
      cloudFrontEvent({ path: "/missing", response: { status: "403", statusDescription: "Forbidden", headers: {} } }),
    );
    assert.equal(notFound.status, "404");
    assert.match(notFound.body, /id="not-found"/);
    const okResponse = { status: "200", statusDescription: "OK", headers: {} };
    const passed = await invoke(cloudFrontEvent({ path: "/about", response: okResponse }));
    assert.deepEqual(passed, okResponse);
  });

  test("a function URL event is not understood by the edge handler", async () => {
    await assert.rejects(() => invoke(functionUrlEvent({ path: "/" })));
  });
});
