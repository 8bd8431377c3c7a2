// Runs the real viewer-request CloudFront Function code from a synthesized template against a batch of requests.
// stdin: { code, requests: [ { method, uri, querystring, headers, cookies } ] }
// stdout: [ { request, originUpdate } ] where originUpdate is what the code passed to cf.updateRequestOrigin, or null.
// The `cloudfront` module exists only inside CloudFront, so its import is replaced by a recorder with the same method.
import { readFileSync } from "node:fs";

const input = JSON.parse(readFileSync(0, "utf8"));
const source = input.code.replace(/^import cf from 'cloudfront';\s*$/m, "");
const results = [];
for (const viewer of input.requests) {
  let originUpdate = null;
  const cf = { updateRequestOrigin: (params) => { originUpdate = params; } };
  const handler = new Function("cf", `${source}\nreturn handler;`)(cf);
  const request = {
    method: viewer.method,
    uri: viewer.uri,
    querystring: Object.fromEntries(Object.entries(viewer.querystring ?? {}).map(([k, v]) => [k, { value: v }])),
    headers: Object.fromEntries(Object.entries(viewer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), { value: v }])),
    cookies: Object.fromEntries(Object.entries(viewer.cookies ?? {}).map(([k, v]) => [k, { value: v }])),
  };
  const event = { version: "1.0", context: { eventType: "viewer-request" }, viewer: { ip: "192.0.2.1" }, request };
  const out = handler(event);
  results.push({ request: out, originUpdate });
}
process.stdout.write(JSON.stringify(results));
