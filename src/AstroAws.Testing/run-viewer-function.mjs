// Runs the real viewer-request CloudFront Function code from a synthesized template against a batch of requests.
// stdin: { code, store, requests: [ { method, uri, querystring, headers, cookies } ] }
//   store: the key value store's entries as CloudFront imports them (null when the function has none).
// stdout: [ { request, originUpdate, storeReads } ] where originUpdate is what the code passed to
//   cf.updateRequestOrigin (or null) and storeReads the keys it read from the store.
// The `cloudfront` module exists only inside CloudFront, so its import is replaced by a stand-in with the same
// methods; `crypto` is Node's own, whose createHash/update/digest are the ones CloudFront Functions document.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const input = JSON.parse(readFileSync(0, "utf8"));
const source = input.code.replace(/^import cf from 'cloudfront';\s*$/m, "");
const nodeRequire = createRequire(import.meta.url);
const require = (name) => {
  if (name !== "crypto") throw new Error(`CloudFront Functions have no module '${name}'`);
  return nodeRequire("node:crypto");
};
const results = [];
for (const viewer of input.requests) {
  let originUpdate = null;
  const storeReads = [];
  const cf = {
    updateRequestOrigin: (params) => { originUpdate = params; },
    kvs: (id) => ({
      // As CloudFront documents get: a promise of the value, rejected for a missing key.
      get: async (key) => {
        if (input.store === null) throw new Error(`cf.kvs('${id}') but the function has no key value store`);
        storeReads.push(key);
        if (!Object.prototype.hasOwnProperty.call(input.store, key)) throw new Error(`The key ${key} was not found.`);
        return input.store[key];
      },
    }),
  };
  const handler = new Function("cf", "require", `${source}\nreturn handler;`)(cf, require);
  const request = {
    method: viewer.method,
    uri: viewer.uri,
    querystring: Object.fromEntries(Object.entries(viewer.querystring ?? {}).map(([k, v]) => [k, { value: v }])),
    headers: Object.fromEntries(Object.entries(viewer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), { value: v }])),
    cookies: Object.fromEntries(Object.entries(viewer.cookies ?? {}).map(([k, v]) => [k, { value: v }])),
  };
  const event = { version: "1.0", context: { eventType: "viewer-request" }, viewer: { ip: "192.0.2.1" }, request };
  const out = await handler(event);
  results.push({ request: out, originUpdate, storeReads });
}
process.stdout.write(JSON.stringify(results));
