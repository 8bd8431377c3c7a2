// Keep-warm (AstroAwsProps.Warm): the warmer (src/AstroAws/Site/KeepWarm/warmer.js, deployed inline) and the server
// entry in front of the adapter's handler (astro-aws-warm.mjs, staged beside dist/lambda/entry.mjs: Site.KeepWarmTests
// checks both are the files deployed). The entry is staged here as the construct stages it, next to the real adapter
// bundles of samples/astro-site (ssr and ssr-stream), and Lambda's Node.js runtime is stood in for as it behaves:
// awslambda.streamifyResponse marks the handler and returns that same function. Run: scripts/test-handler.sh
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";

import { functionUrlEvent } from "./events.mjs";
import { REPO, SITE, lambdaContext, metadataMode } from "./load.mjs";

const KEEP_WARM = resolve(REPO, "src/AstroAws/Site/KeepWarm");
const { warm } = createRequire(import.meta.url)(resolve(KEEP_WARM, "warmer.js"));

// What Lambda's Node.js runtime (aws-lambda-nodejs-runtime-interface-client, UserFunction.js) defines before it loads a handler.
const STREAMING = Symbol.for("aws.lambda.runtime.handler.streaming");
globalThis.awslambda = {
  streamifyResponse(handler) {
    handler[STREAMING] = "response";
    return handler;
  },
  HttpResponseStream: {
    from(stream, prelude) {
      stream.prelude = prelude;
      return stream;
    },
  },
};

/** A response stream as the runtime hands one to a streaming handler; collects what is written. */
class ResponseStream extends Writable {
  chunks = [];
  prelude = undefined;
  _write(chunk, _encoding, callback) {
    this.chunks.push(Buffer.from(chunk));
    callback();
  }
  get body() {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

const staged = [];

/** Copies <dist>/lambda and the entry into a fresh folder, as the construct's asset bundling does, and imports both modules. */
async function stage(dist, mode) {
  if (!existsSync(resolve(dist, "lambda/entry.mjs")) || metadataMode(dist) !== mode) return null;
  const folder = mkdtempSync(join(tmpdir(), "astro-aws-warm-"));
  staged.push(folder);
  cpSync(resolve(dist, "lambda"), folder, { recursive: true });
  cpSync(resolve(KEEP_WARM, "astro-aws-warm.mjs"), join(folder, "astro-aws-warm.mjs"));
  return {
    entry: await import(pathToFileURL(join(folder, "astro-aws-warm.mjs")).href),
    adapter: await import(pathToFileURL(join(folder, "entry.mjs")).href),
  };
}

const ssr = await stage(resolve(SITE, "dist"), "ssr");
const stream = await stage(resolve(SITE, "dist-ssr-stream"), "ssr-stream");
after(() => staged.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const originalLog = { log: console.log, info: console.info, debug: console.debug };
before(() => {
  if (!process.env.DEBUG_HANDLER) console.log = console.info = console.debug = () => {};
});
after(() => Object.assign(console, originalLog));

test("samples/astro-site ssr build is present", () => {
  assert.ok(ssr, "no ssr build at samples/astro-site/dist: run scripts/build-sample.sh");
});

const warmUpEvent = (index = 0, concurrency = 1) => ({ astroAwsWarmer: { index, concurrency } });
const payloadOf = (value) => new TextEncoder().encode(JSON.stringify(value));

describe("warmer", () => {
  test("sends n RequestResponse invocations that are all in flight together", async () => {
    const calls = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const invoke = (params) => {
      calls.push(params);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // Answers on a later turn of the event loop: a warmer that awaited each call before the next would see 1 here.
      return new Promise((resolveCall) => setImmediate(() => {
        inFlight -= 1;
        resolveCall({ StatusCode: 200, Payload: payloadOf({ instance: `env-${calls.indexOf(params)}` }) });
      }));
    };

    const result = await warm(invoke, "site-server", 5);

    assert.equal(calls.length, 5);
    assert.equal(mostInFlight, 5, "every invocation is sent before any returns");
    for (const call of calls) {
      assert.equal(call.FunctionName, "site-server");
      assert.equal(call.InvocationType, "RequestResponse", "synchronous, so each call holds its environment until it returns");
    }
    assert.deepEqual(calls.map((c) => JSON.parse(c.Payload)), [0, 1, 2, 3, 4].map((i) => warmUpEvent(i, 5)));
    assert.deepEqual(result, { sent: 5, instances: 5, failed: 0, errors: [] });
  });

  test("counts failed and unrecognised answers", async () => {
    const answers = [
      Promise.reject(new Error("Rate Exceeded.")),
      Promise.resolve({ StatusCode: 200, FunctionError: "Unhandled", Payload: payloadOf({ errorMessage: "boom" }) }),
      Promise.resolve({ StatusCode: 200, Payload: payloadOf({ statusCode: 200, body: "<html>" }) }),
      Promise.resolve({ StatusCode: 200, Payload: payloadOf({ instance: "env-a" }) }),
    ];
    let next = 0;

    const result = await warm(() => answers[next++], "site-server", 4);

    assert.equal(result.sent, 4);
    assert.equal(result.instances, 1);
    assert.equal(result.failed, 3);
    assert.deepEqual(result.errors, ["Rate Exceeded.", "server answered Unhandled", "server did not answer as a warm-up"]);
  });

  test("a failing invoke that throws synchronously is counted, not thrown", async () => {
    const result = await warm(() => { throw new Error("no credentials"); }, "site-server", 2);

    assert.deepEqual(result, { sent: 2, instances: 0, failed: 2, errors: ["no credentials"] });
  });
});

describe("server entry (ssr)", { skip: !ssr && "no ssr build at samples/astro-site/dist; run scripts/test-handler.sh" }, () => {
  test("answers a warm-up without rendering, naming its environment", async () => {
    const answer = await ssr.entry.handler(warmUpEvent(3, 4), lambdaContext());

    assert.equal(typeof answer.instance, "string");
    assert.equal(answer.index, 3);
    assert.equal(answer.statusCode, undefined, "no page was rendered");
    assert.equal(ssr.entry.HOLD_MS, 100, "the documented hold");
  });

  test("hands a function URL event (payload 2.0) to the adapter's handler, which renders the page", async () => {
    const event = functionUrlEvent({ path: "/ssr?name=Ada", cookies: ["theme=dark"] });

    const viaEntry = await ssr.entry.handler(event, lambdaContext());
    const direct = await ssr.adapter.handler(functionUrlEvent({ path: "/ssr?name=Ada", cookies: ["theme=dark"] }), lambdaContext());

    assert.equal(viaEntry.statusCode, 200);
    assert.match(viaEntry.headers["content-type"], /^text\/html/);
    assert.match(viaEntry.body, /data-name="Ada"/);
    assert.match(viaEntry.body, /data-theme="dark"/);
    assert.deepEqual(viaEntry.cookies, direct.cookies);
    assert.equal(viaEntry.statusCode, direct.statusCode);
  });

  test("an HTTP event is never a warm-up, whatever it carries", async () => {
    const event = { ...functionUrlEvent({ path: "/no-such-page" }), astroAwsWarmer: { index: 0 } };

    const answer = await ssr.entry.handler(event, lambdaContext());

    assert.equal(answer.statusCode, 404, "the adapter rendered the site's 404 page");
    assert.equal(answer.instance, undefined);
  });

  test("the warmer's n invocations overlap on the entry, held until all have arrived", async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const invoke = async (params) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const answer = await ssr.entry.handler(JSON.parse(params.Payload), lambdaContext());
      inFlight -= 1;
      return { StatusCode: 200, Payload: payloadOf(answer) };
    };

    const result = await warm(invoke, "site-server", 6);

    assert.equal(mostInFlight, 6);
    // One process is one execution environment: in Lambda each held invocation would have been given its own.
    assert.deepEqual(result, { sent: 6, instances: 1, failed: 0, errors: [] });
  });
});

describe("server entry (ssr-stream)", { skip: !stream && "no ssr-stream build at samples/astro-site/dist-ssr-stream; run scripts/test-handler.sh" }, () => {
  test("is a streaming handler for Lambda's runtime, as the adapter's is", () => {
    assert.equal(stream.adapter.handler[STREAMING], "response");
    assert.equal(stream.entry.streamingHandler[STREAMING], "response", "else the runtime would buffer the response");
  });

  test("streams the adapter's page for a function URL event", async () => {
    const responseStream = new ResponseStream();

    await stream.entry.streamingHandler(functionUrlEvent({ path: "/ssr?name=Ada" }), responseStream, lambdaContext());

    assert.equal(responseStream.prelude.statusCode, 200);
    assert.match(responseStream.prelude.headers["content-type"], /^text\/html/);
    assert.match(responseStream.body, /data-name="Ada"/);
  });

  test("writes the warm-up answer as the payload, without a prelude", async () => {
    const responseStream = new ResponseStream();

    await stream.entry.streamingHandler(warmUpEvent(1, 2), responseStream, lambdaContext());

    assert.equal(responseStream.prelude, undefined);
    assert.equal(responseStream.writableEnded, true);
    const answer = JSON.parse(responseStream.body);
    assert.equal(typeof answer.instance, "string");
    assert.equal(answer.index, 1);
  });
});
