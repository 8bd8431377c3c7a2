// Builders for AWS Lambda function URL events (payload format 2.0), shaped the
// way a CloudFront distribution with a FunctionUrlOrigin forwards a viewer request.
//
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
import { Buffer } from "node:buffer";

/** Public CloudFront host the viewer sees. */
export const CLOUDFRONT_HOST = "d111111abcdef8.cloudfront.net";
export const CLOUDFRONT_ORIGIN = `https://${CLOUDFRONT_HOST}`;
/** Host of the Lambda function URL CloudFront talks to. */
export const LAMBDA_URL_HOST = "abc123xyz.lambda-url.us-east-1.on.aws";

/**
 * Build a function URL v2 event.
 *
 * @param {object} opts
 * @param {string} [opts.method="GET"]
 * @param {string} opts.path                 path with optional "?query"
 * @param {Record<string,string>} [opts.headers]  extra/overriding headers (lower-case names)
 * @param {string[]} [opts.cookies]          ["name=value", ...] (function URLs move Cookie here)
 * @param {string|Buffer} [opts.body]
 * @param {boolean} [opts.base64=false]      send the body base64-encoded (isBase64Encoded=true)
 * @param {boolean} [opts.viaCloudFront=true] add x-forwarded-host (the public host) as CloudFront
 *                                            does when the origin request policy forwards it
 */
export function functionUrlEvent({
  method = "GET",
  path,
  headers = {},
  cookies,
  body,
  base64 = false,
  viaCloudFront = true,
} = {}) {
  const [rawPath, rawQueryString = ""] = path.split(/\?(.*)/s, 2);
  const allHeaders = {
    host: LAMBDA_URL_HOST,
    "user-agent": "Amazon CloudFront",
    via: "2.0 0123456789abcdef0123456789abcdef.cloudfront.net (CloudFront)",
    "x-amz-cf-id": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvw==",
    "x-forwarded-for": "203.0.113.10",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    ...(viaCloudFront ? { "x-forwarded-host": CLOUDFRONT_HOST } : {}),
    ...headers,
  };
  let eventBody;
  let isBase64Encoded = false;
  if (body !== undefined) {
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), "utf8");
    if (base64 || Buffer.isBuffer(body)) {
      eventBody = buf.toString("base64");
      isBase64Encoded = true;
    } else {
      eventBody = String(body);
    }
    allHeaders["content-length"] ??= String(buf.length);
  }
  const now = new Date();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    ...(cookies?.length ? { cookies } : {}),
    headers: allHeaders,
    ...(rawQueryString ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) } : {}),
    requestContext: {
      accountId: "anonymous",
      apiId: LAMBDA_URL_HOST.split(".")[0],
      domainName: LAMBDA_URL_HOST,
      domainPrefix: LAMBDA_URL_HOST.split(".")[0],
      http: {
        method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "130.176.0.1",
        userAgent: "Amazon CloudFront",
      },
      requestId: crypto.randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(eventBody !== undefined ? { body: eventBody } : {}),
    isBase64Encoded,
  };
}

/** A browser-style form POST (application/x-www-form-urlencoded) forwarded by CloudFront. */
export function formPostEvent(path, fields, opts = {}) {
  return functionUrlEvent({
    method: "POST",
    path,
    body: new URLSearchParams(fields).toString(),
    ...opts,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: CLOUDFRONT_ORIGIN,
      referer: `${CLOUDFRONT_ORIGIN}${path}`,
      ...opts.headers,
    },
  });
}

/** A JSON POST forwarded by CloudFront. */
export function jsonPostEvent(path, value, opts = {}) {
  return functionUrlEvent({
    method: "POST",
    path,
    body: JSON.stringify(value),
    ...opts,
    headers: { "content-type": "application/json", origin: CLOUDFRONT_ORIGIN, ...opts.headers },
  });
}

/** Decode a handler result's body to a string (handles isBase64Encoded). */
export function bodyText(result) {
  if (result.body === undefined || result.body === null) return "";
  return result.isBase64Encoded ? Buffer.from(result.body, "base64").toString("utf8") : String(result.body);
}

/** Case-insensitive header lookup on a handler result. */
export function header(result, name) {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(result.headers ?? {})) {
    if (k.toLowerCase() === lower) return v;
  }
  return undefined;
}
