// The body signer of FunctionUrlProtection.OriginAccessControlWithEdgeSigning
// (src/AstroAws/Site/EdgeSigning/url-signer.js, the file the template deploys inline: Site.EdgeSigningTests):
// run as Lambda@Edge runs it on CloudFront origin-request events with the body included, its hash checked against
// sha256sum (a separate implementation) and NIST's test vector, then a signed form POST through the real adapter
// handler. Run: scripts/test-handler.sh
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";

import { CLOUDFRONT_ORIGIN, bodyText, formPostEvent } from "./events.mjs";
import { REPO, SITE, lambdaContext, loadHandler } from "./load.mjs";

const signer = createRequire(import.meta.url)(resolve(REPO, "src/AstroAws/Site/EdgeSigning/url-signer.js"));

/** sha256sum's hex digest of the bytes: coreutils, not Node's crypto. */
const sha256sum = (bytes) => execFileSync("sha256sum", ["-b"], { input: bytes }).toString().split(" ")[0];

/** A CloudFront origin-request event for a behavior whose association has IncludeBody (body base64, read-only). */
function originRequest({ method = "POST", uri = "/form", headers = {}, body, truncated = false }) {
  const cfHeaders = {};
  for (const [name, value] of Object.entries({ host: "abc123xyz.lambda-url.us-east-1.on.aws", ...headers })) {
    cfHeaders[name.toLowerCase()] = [{ key: name, value }];
  }
  return {
    Records: [{
      cf: {
        config: { distributionDomainName: "d111111abcdef8.cloudfront.net", eventType: "origin-request", requestId: "test" },
        request: {
          clientIp: "203.0.113.10",
          method,
          uri,
          querystring: "",
          headers: cfHeaders,
          ...(body === undefined
            ? {}
            : { body: { inputTruncated: truncated, action: "read-only", encoding: "base64", data: Buffer.from(body).toString("base64") } }),
        },
      },
    }],
  };
}

const signed = async (event) => signer.handler(event);
const hashOf = (request) => request.headers["x-amz-content-sha256"]?.[0]?.value;

describe("url-signer on origin requests", () => {
  const bodies = {
    "an HTML form": Buffer.from(new URLSearchParams({ message: "hello from a form", name: "Zoë & Ada" }).toString()),
    "a JSON body": Buffer.from(JSON.stringify({ note: "straße ✓", n: [1, 2, 3] })),
    "a multipart upload with every byte value": Buffer.concat([
      Buffer.from("--x\r\ncontent-disposition: form-data; name=\"f\"; filename=\"b.bin\"\r\n\r\n"),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      Buffer.from("\r\n--x--\r\n"),
    ]),
  };
  for (const [name, body] of Object.entries(bodies)) {
    test(`hashes ${name} as sha256sum does`, async () => {
      const request = await signed(originRequest({ body }));
      assert.equal(hashOf(request), sha256sum(body));
      assert.equal(request.body.data, Buffer.from(body).toString("base64"), "the body goes on unchanged");
    });
  }

  test("matches NIST's SHA-256 test vector for \"abc\"", async () => {
    const request = await signed(originRequest({ body: "abc" }));
    assert.equal(hashOf(request), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("replaces a viewer's wrong x-amz-content-sha256", async () => {
    const request = await signed(originRequest({ body: "abc", headers: { "X-Amz-Content-Sha256": "0".repeat(64) } }));
    assert.equal(request.headers["x-amz-content-sha256"].length, 1);
    assert.equal(hashOf(request), sha256sum(Buffer.from("abc")));
  });

  test("a request without a body gets no hash, and a viewer's is dropped", async () => {
    const request = await signed(originRequest({ method: "GET", uri: "/about/index.html", headers: { "x-amz-content-sha256": "f".repeat(64) } }));
    assert.equal(request.uri, "/about/index.html");
    assert.equal(hashOf(request), undefined);
    const empty = await signed(originRequest({ body: "" }));
    assert.equal(hashOf(empty), undefined);
  });

  test("a body CloudFront truncated at 1 MB is answered with 413, not signed", async () => {
    const response = await signed(originRequest({ body: Buffer.alloc(1024 * 1024, 0x61), truncated: true }));
    assert.equal(response.status, "413");
    assert.match(response.body, /larger than 1 MB/);
    assert.equal(response.headers["content-type"][0].value, "text/plain; charset=utf-8");
  });
});

// The form POST as Lambda receives it after the signer and CloudFront's signature: the header must be the SHA-256 of
// the body the function gets (Lambda's check), and the real handler must render the posted value.
let handler;
let loadError;
try {
  handler = await loadHandler(resolve(SITE, "dist"), "ssr", "scripts/build-sample.sh   (ASTRO_AWS_MODE=ssr, the default)");
} catch (err) {
  loadError = err;
}

const originalLog = { log: console.log, info: console.info, debug: console.debug };
before(() => {
  if (!process.env.DEBUG_HANDLER) console.log = console.info = console.debug = () => {};
});
after(() => Object.assign(console, originalLog));

describe("a signed form POST through the real adapter handler", () => {
  test("reaches the page with its body and a hash Lambda accepts", async () => {
    if (loadError) throw loadError;
    const fields = { message: "signed at the edge é" };
    const body = Buffer.from(new URLSearchParams(fields).toString());
    const request = await signed(originRequest({
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: CLOUDFRONT_ORIGIN, referer: `${CLOUDFRONT_ORIGIN}/form` },
    }));

    const event = formPostEvent("/form", fields, { base64: true, headers: { "x-amz-content-sha256": hashOf(request) } });
    assert.equal(event.headers["x-amz-content-sha256"], sha256sum(Buffer.from(event.body, "base64")), "Lambda compares the signed hash with the body it receives");
    const res = await handler(event, lambdaContext());
    assert.equal(res.statusCode, 200, bodyText(res));
    assert.match(bodyText(res), /data-posted="signed at the edge é"/);
  });
});
