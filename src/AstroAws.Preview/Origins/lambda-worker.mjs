// One warm Lambda execution environment for the local preview (astroaws preview): imports the function's handler from
// its staged asset once, then invokes it for each event it is sent, so module state persists as in a warm Lambda.
//   argv: <asset folder> <handler, e.g. entry.handler>
//   stdin:  { id, event } a line
//   stdout: { id, type: "result", result } for a buffered handler;
//           { id, type: "prelude", prelude }, { id, type: "chunk", data (base64) }..., { id, type: "end" } for a
//           handler wrapped in awslambda.streamifyResponse (RESPONSE_STREAM);
//           { id, type: "error", error } when the handler threw;
//           first of all { id, type: "invoked" } when the handler is called (the function's Timeout runs from there,
//           as Lambda's does from the invoke phase, not from the import).
// The handler's own console output goes to stderr, so stdout carries only these lines.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Writable } from "node:stream";
import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";
// Layers: node-path-hooks.mjs, loaded with --import before this script, resolves bare ES module imports from the
// NODE_PATH folders as Lambda's Node.js runtimes do (rule lambda/layer-node-path).

const [assetDir, handlerSpec] = process.argv.slice(2);
const send = process.stdout.write.bind(process.stdout);
const toStderr = (...args) => process.stderr.write(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ") + "\n");
console.log = console.info = console.debug = console.warn = console.error = toStderr;
process.stdout.write = (chunk, ...rest) => process.stderr.write(chunk, ...rest);
const reply = (message) => send(JSON.stringify(message) + "\n");

const STREAMING = Symbol.for("aws.lambda.runtime.handler.streaming");

class ResponseStream extends Writable {
  constructor(id) {
    super();
    this.id = id;
    this.preludeSent = false;
  }
  _write(chunk, _encoding, callback) {
    if (!this.preludeSent) this.sendPrelude(null);
    reply({ id: this.id, type: "chunk", data: Buffer.from(chunk).toString("base64") });
    callback();
  }
  sendPrelude(prelude) {
    if (this.preludeSent) return;
    this.preludeSent = true;
    reply({ id: this.id, type: "prelude", prelude });
  }
  setContentType(type) {
    this.contentType = type;
  }
}

globalThis.awslambda = {
  streamifyResponse(fn) {
    fn[STREAMING] = true;
    return fn;
  },
  HttpResponseStream: {
    from(stream, prelude) {
      stream.sendPrelude(prelude ?? {});
      return stream;
    },
  },
};

const dot = handlerSpec.lastIndexOf(".");
const moduleName = handlerSpec.slice(0, dot);
const exportName = handlerSpec.slice(dot + 1);
const file = [".mjs", ".js", ".cjs"].map((ext) => join(assetDir, moduleName + ext)).find(existsSync);
if (!file) {
  process.stderr.write(`lambda-worker: no module ${moduleName}(.mjs|.js|.cjs) in ${assetDir}\n`);
  process.exit(3);
}
const mod = await import(pathToFileURL(file).href);
const handler = mod[exportName] ?? mod.default?.[exportName];
if (typeof handler !== "function") {
  process.stderr.write(`lambda-worker: ${file} exports no function ${exportName}\n`);
  process.exit(3);
}

function context() {
  const deadline = Date.now() + Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT ?? "3") * 1000;
  return {
    awsRequestId: randomUUID(),
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: "$LATEST",
    invokedFunctionArn: process.env.ASTROAWS_FUNCTION_ARN,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: `/aws/lambda/${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
    logStreamName: "preview",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    callbackWaitsForEmptyEventLoop: true,
  };
}

createInterface({ input: process.stdin }).on("line", async (line) => {
  if (!line.trim()) return;
  const { id, event } = JSON.parse(line);
  reply({ id, type: "invoked" });
  try {
    if (handler[STREAMING]) {
      const stream = new ResponseStream(id);
      const finished = new Promise((resolve) => stream.on("finish", resolve));
      await handler(event, stream, context());
      if (!stream.writableEnded) stream.end();
      await finished;
      if (!stream.preludeSent) stream.sendPrelude(null);
      reply({ id, type: "end" });
    } else {
      const result = await handler(event, context());
      reply({ id, type: "result", result: result === undefined ? null : result });
    }
  } catch (e) {
    reply({ id, type: "error", error: String(e && e.stack ? e.stack : e) });
  }
});
