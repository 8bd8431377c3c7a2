// Locates and imports a built @astro-aws/adapter Lambda bundle (dist/lambda/entry.mjs).
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Writable } from "node:stream";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE = resolve(REPO, "samples/astro-site");

/** Decode args.mode from a flatted metadata.json (see docs in /work/shared/notes). */
export function metadataMode(distDir) {
  const a = JSON.parse(readFileSync(resolve(distDir, "metadata.json"), "utf8"));
  const args = a[Number(a[0].args)];
  return a[Number(args.mode)];
}

/**
 * Import <distDir>/lambda/entry.mjs after checking it exists and was built in `mode`.
 * Throws an Error explaining how to build it otherwise.
 */
export async function loadHandler(distDir, mode, buildHint) {
  const entry = resolve(distDir, "lambda/entry.mjs");
  if (!existsSync(entry) || !existsSync(resolve(distDir, "metadata.json"))) {
    throw new Error(`No Astro Lambda build at ${entry}.\nBuild it first: ${buildHint}`);
  }
  const built = metadataMode(distDir);
  if (built !== mode) {
    throw new Error(`${distDir} was built in mode "${built}", these tests need "${mode}".\nRebuild: ${buildHint}`);
  }
  const mod = await import(pathToFileURL(entry).href);
  if (typeof mod.handler !== "function") throw new Error(`${entry} does not export handler()`);
  return mod.handler;
}

/** A minimal Lambda context object. */
export function lambdaContext() {
  return {
    awsRequestId: crypto.randomUUID(),
    functionName: "astro-ssr",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:astro-ssr",
    memoryLimitInMB: "1024",
    logGroupName: "/aws/lambda/astro-ssr",
    logStreamName: "2026/01/01/[$LATEST]0123456789abcdef",
    getRemainingTimeInMillis: () => 30_000,
    callbackWaitsForEmptyEventLoop: true,
  };
}

/**
 * Stand-in for the `awslambda` global that the Node.js Lambda runtime provides to
 * response-streaming functions. streamifyResponse(fn) returns a plain async
 * (event, context) handler that collects what fn writes and resolves to
 * { statusCode, headers, cookies, body, chunks } — status/headers come from the
 * HttpResponseStream.from() prelude, as the real runtime would send them.
 */
export function installAwsLambdaStandIn() {
  if (globalThis.awslambda) return;
  class CollectingStream extends Writable {
    chunks = [];
    prelude = undefined;
    _write(chunk, _enc, cb) {
      this.chunks.push(Buffer.from(chunk));
      cb();
    }
  }
  globalThis.awslambda = {
    streamifyResponse(fn) {
      return async (event, context) => {
        const stream = new CollectingStream();
        await fn(event, stream, context);
        const { statusCode, headers = {}, cookies = [] } = stream.prelude ?? {};
        return {
          statusCode,
          headers,
          cookies,
          body: Buffer.concat(stream.chunks).toString("utf8"),
          chunks: stream.chunks.length,
          streamed: true,
        };
      };
    },
    HttpResponseStream: {
      from(stream, prelude) {
        stream.prelude = prelude;
        return stream;
      },
    },
  };
}
