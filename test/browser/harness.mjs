// The browser suite's target: the preview tool (src/AstroAws.Preview) serving the synthesized sample, started here on
// free ports, or any HTTPS base URL given in ASTRO_BROWSER_BASE_URL. See docs/browser-tests.md.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PREVIEW_PROJECT = resolve(REPO, "src/AstroAws.Preview");
export const ARTIFACTS = resolve(process.env.ASTRO_BROWSER_ARTIFACTS || resolve(REPO, "test/browser/artifacts"));
export const CHROMIUM = process.env.ASTRO_CHROMIUM || "/usr/bin/chromium";
const ASSEMBLY = resolve(process.env.ASTRO_BROWSER_ASSEMBLY || resolve(REPO, "cdk.out"));
const STACK = process.env.ASTRO_BROWSER_STACK || "AstroAwsSample";
const WS_STACK = process.env.ASTRO_BROWSER_WS_STACK || "AstroAwsSampleWebSocket";
const WS_STAGE = "prod";
// `dotnet run` builds the tool first; on this 2-core machine that alone can take minutes.
const READY_WITHIN_MS = Number(process.env.ASTRO_BROWSER_READY_MS || 300_000);

/** A port nothing listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function portAccepts(port) {
  return new Promise((ok) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); ok(true); });
    socket.once("error", () => ok(false));
  });
}

/**
 * Start the target once. Resolves to { baseUrl, port, tracePath, source, output(), stop() }.
 * Rejects with an error that says what is missing and what to do, so every test that awaits it fails clearly.
 */
export async function startTarget() {
  const external = process.env.ASTRO_BROWSER_BASE_URL;
  if (external) {
    const url = new URL(external);
    if (url.protocol !== "https:") throw new Error(`ASTRO_BROWSER_BASE_URL must be https:// (got ${external}): the adapter builds its URLs as https:// + the forwarded host`);
    return {
      baseUrl: url.origin,
      port: Number(url.port || 443),
      tracePath: process.env.ASTRO_BROWSER_TRACE || undefined,
      source: `ASTRO_BROWSER_BASE_URL=${url.origin}`,
      output: () => "",
      stop: async () => {},
    };
  }
  const preview = await startPreview(STACK, "preview", true);
  return { ...preview, baseUrl: `https://127.0.0.1:${preview.port}` };
}

/**
 * The sample's WebSocket API (stack AstroAwsSampleWebSocket): a second preview process, because one process serves one
 * stack. Resolves to { wsUrl, port, tracePath, source, output(), stop() }; wsUrl is the stage's wss:// URL. With
 * ASTRO_BROWSER_BASE_URL set, ASTRO_BROWSER_WS_URL (and ASTRO_BROWSER_WS_TRACE) name the API to test, else it fails.
 */
export async function startWebSocketTarget() {
  const external = process.env.ASTRO_BROWSER_WS_URL;
  if (external) {
    const url = new URL(external);
    if (url.protocol !== "wss:") throw new Error(`ASTRO_BROWSER_WS_URL must be wss:// (got ${external})`);
    return { wsUrl: url.href, port: Number(url.port || 443), tracePath: process.env.ASTRO_BROWSER_WS_TRACE || undefined, source: `ASTRO_BROWSER_WS_URL=${url.href}`, output: () => "", stop: async () => {} };
  }
  if (process.env.ASTRO_BROWSER_BASE_URL) {
    throw new Error("ASTRO_BROWSER_BASE_URL is set but ASTRO_BROWSER_WS_URL is not: set it to the WebSocket API's wss:// stage URL (and ASTRO_BROWSER_WS_TRACE to its trace) to test another server's WebSocket API.");
  }
  const preview = await startPreview(WS_STACK, "preview-ws", false);
  // A stack with only APIs serves its first API on --port; the sample's WebSocket stage is "prod" (docs/local-preview.md).
  return { ...preview, wsUrl: `wss://127.0.0.1:${preview.port}/${WS_STAGE}` };
}

/** `dotnet run` of the preview tool on one stack, on free ports, its trace in ARTIFACTS/<runName>/trace.jsonl. */
async function startPreview(stack, runName, withHttpPort) {
  if (!existsSync(PREVIEW_PROJECT)) {
    throw new Error(
      `The preview tool is missing: ${PREVIEW_PROJECT} does not exist, so there is nothing to drive the browser through. ` +
        "Build src/AstroAws.Preview (issue 11), or set ASTRO_BROWSER_BASE_URL=https://host:port (and ASTRO_BROWSER_TRACE=<its JSON-lines trace>) to test another server.",
    );
  }
  if (!existsSync(resolve(ASSEMBLY, `${stack}.template.json`))) {
    throw new Error(`No cloud assembly for ${stack} in ${ASSEMBLY}: run scripts/synth.sh first.`);
  }
  const port = await freePort();
  const httpPort = withHttpPort ? await freePort() : undefined;
  const runDir = resolve(ARTIFACTS, runName);
  mkdirSync(runDir, { recursive: true });
  const tracePath = resolve(runDir, "trace.jsonl");
  rmSync(tracePath, { force: true });
  const args = ["run", "--project", PREVIEW_PROJECT, "--", "preview", "--assembly", ASSEMBLY, "--stack", stack,
    "--port", String(port), ...(httpPort ? ["--http-port", String(httpPort)] : []), "--trace", tracePath];
  // Its own process group, so stop() ends dotnet run and the tool it started, and nothing else.
  const child = spawn("dotnet", args, { cwd: REPO, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DOTNET_NOLOGO: "1" } });
  let output = "";
  let exited = null;
  child.stdout.on("data", (d) => { output += d; });
  child.stderr.on("data", (d) => { output += d; });
  child.once("exit", (code, signal) => { exited = { code, signal }; });
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((ok) => child.once("exit", ok));
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ } }, 5_000);
    await gone;
    clearTimeout(timer);
  };
  const started = Date.now();
  // Ready when it printed "listening" and the HTTPS port accepts connections (the line alone could come early).
  while (!(/listening/i.test(output) && (await portAccepts(port)))) {
    if (exited) throw new Error(`The preview exited (${JSON.stringify(exited)}) before listening:\n dotnet ${args.join(" ")}\n${output.slice(-4000)}`);
    if (Date.now() - started > READY_WITHIN_MS) {
      await stop();
      throw new Error(`The preview printed no "listening" line with port ${port} open within ${READY_WITHIN_MS} ms:\n dotnet ${args.join(" ")}\n${output.slice(-4000)}`);
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  console.log(`# preview of ${stack} ready in ${Date.now() - started} ms: https://127.0.0.1:${port}${httpPort ? ` (http ${httpPort})` : ""}, trace ${tracePath}`);
  return { port, httpPort, tracePath, source: "src/AstroAws.Preview", output: () => output, stop };
}

/** The trace's JSON lines, parsed; a line that is not JSON is an error, not skipped. */
export function readTrace(tracePath) {
  if (!tracePath) throw new Error("No trace to read: the preview writes one with --trace FILE; with ASTRO_BROWSER_BASE_URL set ASTRO_BROWSER_TRACE to its path.");
  if (!existsSync(tracePath)) throw new Error(`The trace ${tracePath} was not written.`);
  return readFileSync(tracePath, "utf8").split("\n").filter((l) => l.trim()).map((line, i) => {
    try { return JSON.parse(line); } catch (e) { throw new Error(`${tracePath}:${i + 1} is not JSON (${e.message}): ${line.slice(0, 200)}`); }
  });
}

/** The origin kinds a trace entry fetched, in order: `origins` holds strings or objects with a `type` or `kind`. */
export function originsOf(entry) {
  if (!Array.isArray(entry.origins)) throw new Error(`a trace entry has no "origins" array: ${JSON.stringify(entry).slice(0, 300)}`);
  return entry.origins.map((o) => (typeof o === "string" ? o : o.type ?? o.kind ?? o.origin));
}

/** A trace entry's path without its query string (the tool may write either). */
export function pathOf(entry) {
  return String(entry.path ?? entry.uri ?? "").split("?")[0];
}
