// Runs the real CloudFront Function code from a synthesized template (cloudfront-js-2.0).
//
// Batch mode (CloudFrontModel, no arguments):
//   stdin: { code, store, requests: [ { method, uri, querystring, headers, cookies } ] }
//     store: the key value store's entries as CloudFront imports them (null when the function has none).
//   stdout: [ { request, originUpdate, storeReads } ] where originUpdate is what the code passed to
//     cf.updateRequestOrigin (or null) and storeReads the keys it read from the store.
// Serve mode (`--serve`, the local preview): one JSON object a line each way, answered in any order by id.
//   in:  { id, code, store, event }   event as CloudFront builds it (viewer-request or viewer-response)
//   out: { id, result, originUpdate, originSelected, storeReads } or { id, error }
// The `cloudfront` module exists only inside CloudFront, so its import is replaced by a stand-in with the same
// methods; `crypto` is Node's own, whose createHash/update/digest are the ones CloudFront Functions document.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

const nodeRequire = createRequire(import.meta.url);
const require = (name) => {
  if (name !== "crypto") throw new Error(`CloudFront Functions have no module '${name}'`);
  return nodeRequire("node:crypto");
};

function compile(code) {
  const source = code.replace(/^import cf from 'cloudfront';\s*$/m, "");
  // The stand-in for `cf` is read through a holder so one compiled handler serves every run.
  return new Function("cfHolder", "require", `const cf = new Proxy({}, { get: (_, k) => cfHolder.cf[k] });\n${source}\nreturn handler;`);
}

const compiled = new Map();
function handlerFor(code, holder) {
  let factory = compiled.get(code);
  if (!factory) {
    factory = compile(code);
    compiled.set(code, factory);
  }
  return factory(holder, require);
}

async function run(code, store, event) {
  let originUpdate = null;
  let originSelected = null;
  const storeReads = [];
  const holder = {
    cf: {
      updateRequestOrigin: (params) => { originUpdate = params; },
      selectRequestOriginById: (id) => { originSelected = id; },
      kvs: (id) => ({
        // As CloudFront documents get: a promise of the value, rejected for a missing key.
        get: async (key) => {
          if (store === null || store === undefined) throw new Error(`cf.kvs('${id ?? ""}') but the function has no key value store`);
          storeReads.push(key);
          if (!Object.prototype.hasOwnProperty.call(store, key)) throw new Error(`The key ${key} was not found.`);
          return store[key];
        },
        exists: async (key) => store !== null && store !== undefined && Object.prototype.hasOwnProperty.call(store, key),
      }),
    },
  };
  const handler = handlerFor(code, holder);
  const result = await handler(event);
  return { result, originUpdate, originSelected, storeReads };
}

const toValues = (entries) => Object.fromEntries(Object.entries(entries ?? {}).map(([k, v]) => [k, { value: v }]));

if (process.argv.includes("--serve")) {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", async (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    let reply;
    try {
      reply = { id: message.id, ...(await run(message.code, message.store, message.event)) };
    } catch (e) {
      reply = { id: message.id, error: String(e && e.stack ? e.stack : e) };
    }
    process.stdout.write(JSON.stringify(reply) + "\n");
  });
} else {
  const input = JSON.parse(readFileSync(0, "utf8"));
  const results = [];
  for (const viewer of input.requests) {
    const request = {
      method: viewer.method,
      uri: viewer.uri,
      querystring: toValues(viewer.querystring),
      headers: Object.fromEntries(Object.entries(viewer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), { value: v }])),
      cookies: toValues(viewer.cookies),
    };
    const event = { version: "1.0", context: { eventType: "viewer-request" }, viewer: { ip: "192.0.2.1" }, request };
    const { result, originUpdate, storeReads } = await run(input.code, input.store, event);
    results.push({ request: result, originUpdate, storeReads });
  }
  process.stdout.write(JSON.stringify(results));
}
