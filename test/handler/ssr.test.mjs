// End-to-end tests of the real @astro-aws/adapter "ssr" Lambda bundle built from
// samples/astro-site (scripts/build-sample.sh), fed Lambda function URL v2
// events shaped as CloudFront forwards them. Run: scripts/test-handler.sh
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";

import {
  CLOUDFRONT_HOST,
  LAMBDA_URL_HOST,
  bodyText,
  formPostEvent,
  functionUrlEvent,
  header,
  jsonPostEvent,
} from "./events.mjs";
import { SITE, lambdaContext, loadHandler } from "./load.mjs";

const DIST = process.env.ASTRO_SSR_DIST ?? resolve(SITE, "dist");
const invoke = (event) => handler(event, lambdaContext());

// Load the bundle up front so a missing or wrong build is reported once, clearly.
let handler;
let loadError;
try {
  handler = await loadHandler(DIST, "ssr", "scripts/build-sample.sh   (ASTRO_AWS_MODE=ssr, the default)");
} catch (err) {
  loadError = err;
}
test("samples/astro-site ssr build is present", () => {
  if (loadError) throw loadError;
});

// The handler logs each request through its own logger; keep test output readable.
const originalLog = { log: console.log, info: console.info, debug: console.debug };
before(() => {
  if (!process.env.DEBUG_HANDLER) console.log = console.info = console.debug = () => {};
});
after(() => Object.assign(console, originalLog));

describe("ssr handler behind CloudFront (function URL payload v2)", { skip: loadError && "no usable build" }, () => {
  test("(a) GET /ssr renders the query string and the cookie", async () => {
    const res = await invoke(functionUrlEvent({ path: "/ssr?name=Ada", cookies: ["theme=dark"] }));
    const html = bodyText(res);
    assert.equal(res.statusCode, 200, html);
    assert.match(header(res, "content-type"), /^text\/html/);
    assert.match(html, /data-name="Ada"/);
    assert.match(html, /data-theme="dark"/);
    // Astro.url uses the public (CloudFront) host taken from x-forwarded-host.
    assert.match(html, new RegExp(`<code id="host">${CLOUDFRONT_HOST}</code>`));
    assert.equal(header(res, "cache-control"), "no-store");
    // Set-Cookie headers come back in the v2 `cookies` array, not in headers.
    assert.equal(header(res, "set-cookie"), undefined);
    assert.deepEqual(res.cookies, ["last-name=Ada; Path=/; HttpOnly; SameSite=Lax"]);
  });

  test("(a') without query string or cookie the page still renders", async () => {
    const res = await invoke(functionUrlEvent({ path: "/ssr" }));
    assert.equal(res.statusCode, 200);
    assert.match(bodyText(res), /data-name="\(none\)"/);
    assert.deepEqual(res.cookies, []);
  });

  test("(b) form POST to /form with the CloudFront origin succeeds", async () => {
    const res = await invoke(formPostEvent("/form", { message: "hello from CloudFront" }));
    const html = bodyText(res);
    assert.equal(res.statusCode, 200, html);
    assert.match(html, /data-posted="hello from CloudFront"/);
  });

  test("(b') the same POST with a base64-encoded body (isBase64Encoded) succeeds", async () => {
    const res = await invoke(formPostEvent("/form", { message: "b64 é" }, { base64: true }));
    assert.equal(res.statusCode, 200, bodyText(res));
    assert.match(bodyText(res), /data-posted="b64 é"/);
  });

  test("(c) without x-forwarded-host the form POST is rejected with 403 (origin check)", async () => {
    // Astro.url then becomes https://<lambda url host>/form, which does not match
    // Origin: https://<cloudfront host>, so security.checkOrigin refuses the POST.
    const res = await invoke(formPostEvent("/form", { message: "hi" }, { viaCloudFront: false }));
    assert.equal(res.statusCode, 403);
    assert.match(bodyText(res), /Cross-site POST form submissions are forbidden/);
  });

  test("(c') without x-forwarded-host, Astro.url is the Lambda URL host", async () => {
    const res = await invoke(functionUrlEvent({ path: "/ssr", viaCloudFront: false }));
    assert.match(bodyText(res), new RegExp(`<code id="host">${LAMBDA_URL_HOST}</code>`));
  });

  test("(c'') a JSON POST is not subject to the origin check, even without x-forwarded-host", async () => {
    const res = await invoke(jsonPostEvent("/api/hello", { ok: true }, { viaCloudFront: false }));
    assert.equal(res.statusCode, 200);
  });

  test("(d) GET /api/hello returns JSON with the query parameters", async () => {
    const res = await invoke(functionUrlEvent({ path: "/api/hello?x=1" }));
    assert.equal(res.statusCode, 200);
    assert.match(header(res, "content-type"), /^application\/json/);
    assert.deepEqual(JSON.parse(bodyText(res)), { message: "hello", query: { x: "1" } });
  });

  test("(d) POST /api/hello echoes the JSON body", async () => {
    const payload = { name: "Ada", list: [1, 2, 3], nested: { ok: true } };
    const res = await invoke(jsonPostEvent("/api/hello", payload));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(JSON.parse(bodyText(res)), { echo: payload });
  });

  test("(d) GET /api/[id] is routed with the dynamic parameter", async () => {
    const res = await invoke(functionUrlEvent({ path: "/api/42" }));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(JSON.parse(bodyText(res)), { id: "42" });
  });

  test("(e) an unknown route returns 404 with the site's 404 page", async () => {
    const res = await invoke(functionUrlEvent({ path: "/no/such/page?x=1" }));
    assert.equal(res.statusCode, 404);
    assert.match(header(res, "content-type"), /^text\/html/);
    assert.match(bodyText(res), /id="not-found"/);
  });

  test("(e') a prerendered page is not served by the Lambda (it lives in S3)", async () => {
    const res = await invoke(functionUrlEvent({ path: "/about" }));
    assert.equal(res.statusCode, 404);
    assert.match(bodyText(res), /id="not-found"/);
  });

  test("(e'') a trailing /index.html is stripped", async () => {
    const res = await invoke(functionUrlEvent({ path: "/index.html" }));
    assert.equal(res.statusCode, 200);
    assert.match(bodyText(res), /data-testid="home"/);
  });

  test("(f) Astro Action RPC: POST /_actions/greet with a form body", async () => {
    const res = await invoke(formPostEvent("/_actions/greet", { name: "Ada" }));
    assert.equal(res.statusCode, 200, bodyText(res));
    assert.match(header(res, "content-type"), /^application\/json\+devalue/);
    // devalue-encoded { greeting: "Hello, Ada!" }
    assert.deepEqual(JSON.parse(bodyText(res)), [{ greeting: 1 }, "Hello, Ada!"]);
  });

  test("(f) Astro Action RPC with invalid input returns 400", async () => {
    const res = await invoke(formPostEvent("/_actions/greet", { name: "" }));
    assert.equal(res.statusCode, 400);
  });

  test("(f) Astro Action as an HTML form action: POST /actions?_action=greet", async () => {
    const res = await invoke(formPostEvent("/actions?_action=greet", { name: "Grace" }));
    assert.equal(res.statusCode, 200, bodyText(res));
    assert.match(bodyText(res), /<p id="greeting"[^>]*>Hello, Grace!<\/p>/);
  });

  test("(f) the form action is also origin-checked: 403 without x-forwarded-host", async () => {
    const res = await invoke(formPostEvent("/actions?_action=greet", { name: "Grace" }, { viaCloudFront: false }));
    assert.equal(res.statusCode, 403);
  });

  // Under Origin Access Control CloudFront's SigV4 signature replaces Authorization, and the request function carries
  // the viewer's value in x-forwarded-authorization (docs/function-url-protection.md). The sample reads it with
  // src/lib/bearer.ts, the recipe the docs give.
  test("(g) under OAC the viewer's bearer token arrives in x-forwarded-authorization", async () => {
    const res = await invoke(functionUrlEvent({
      path: "/api/whoami",
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/eu-west-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123",
        "x-forwarded-authorization": "Bearer abc",
      },
    }));
    assert.equal(res.statusCode, 200, bodyText(res));
    assert.deepEqual(JSON.parse(bodyText(res)), { token: "abc" });
  });

  test("(g') without OAC the same code reads Authorization itself", async () => {
    const res = await invoke(functionUrlEvent({ path: "/api/whoami", headers: { authorization: "Bearer abc" } }));
    assert.deepEqual(JSON.parse(bodyText(res)), { token: "abc" });
  });

  test("(g'') CloudFront's signature alone is not taken for a token", async () => {
    const res = await invoke(functionUrlEvent({ path: "/api/whoami", headers: { authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/x, Signature=0123" } }));
    assert.deepEqual(JSON.parse(bodyText(res)), { token: null });
  });
});
