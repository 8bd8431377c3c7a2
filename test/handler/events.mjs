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

/** S3 origin domain an edge-mode distribution would use for its default behaviour. */
export const S3_ORIGIN_HOST = "site-bucket.s3.us-east-1.amazonaws.com";

/**
 * Build a Lambda@Edge origin-request event (or origin-response when `response` is
 * given), as CloudFront sends it for an S3 origin. `host` is the S3 origin domain
 * (CloudFront rewrites it); x-forwarded-host carries the public host only when a
 * viewer-request function / policy adds it (viaCloudFront=true here).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
 */
export function cloudFrontEvent({
  method = "GET",
  path,
  headers = {},
  body,
  response,
  viaCloudFront = true,
} = {}) {
  const [uri, querystring = ""] = path.split(/\?(.*)/s, 2);
  const all = {
    host: S3_ORIGIN_HOST,
    "user-agent": "Amazon CloudFront",
    ...(viaCloudFront ? { "x-forwarded-host": CLOUDFRONT_HOST } : {}),
    ...headers,
  };
  const cfHeaders = Object.fromEntries(
    Object.entries(all).map(([k, v]) => [k.toLowerCase(), [{ key: k, value: v }]]),
  );
  const request = {
    clientIp: "203.0.113.178",
    method,
    uri,
    querystring,
    headers: cfHeaders,
    origin: {
      s3: { authMethod: "none", customHeaders: {}, domainName: S3_ORIGIN_HOST, path: "", region: "us-east-1" },
    },
    ...(body !== undefined
      ? { body: { action: "read-only", data: Buffer.from(body).toString("base64"), encoding: "base64", inputTruncated: false } }
      : {}),
  };
  return {
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: CLOUDFRONT_HOST,
            distributionId: "EDFDVBD6EXAMPLE",
            eventType: response ? "origin-response" : "origin-request",
            requestId: crypto.randomUUID(),
          },
          request,
          ...(response ? { response } : {}),
        },
      },
    ],
  };
}
