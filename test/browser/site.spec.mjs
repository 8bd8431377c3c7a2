// The sample site (samples/astro-site, stack AstroAwsSample) in Debian's headless Chromium, driven by playwright-core,
// through the preview tool that serves the synthesized cloud assembly the way CloudFront, S3 and Lambda would.
// Run by scripts/test-browser.sh; docs/browser-tests.md says what each test shows and where the screenshots go.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { ARTIFACTS, CHROMIUM, originsOf, pathOf, readTrace, startTarget, startWebSocketTarget } from "./harness.mjs";

// Where each request class must be answered (docs/request-routing.md: a file of the build comes from S3, anything else
// from the server, and every request reaches exactly one origin).
const CLASSES = {
  "hashed asset": { origin: "s3", behavior: "/_astro/*" },
  "public file": { origin: "s3" },
  "prerendered page": { origin: "s3" },
  "server page": { origin: "lambda" },
  "form POST": { origin: "lambda" },
  "action POST": { origin: "lambda" },
  "api GET": { origin: "lambda", behavior: "/api/*" },
  "api POST": { origin: "lambda", behavior: "/api/*" },
  "image endpoint": { origin: "lambda" },
  "missing page": { origin: "lambda" },
};
const PAGES = new Set(["/", "/ssr", "/form", "/actions", "/images"]);

function classOf(method, pathname) {
  if (pathname.startsWith("/_astro/")) return "hashed asset";
  if (pathname.startsWith("/api/")) return method === "OPTIONS" ? "api preflight" : `api ${method}`;
  if (pathname === "/favicon.svg" || pathname === "/robots.txt" || pathname.startsWith("/images/")) return "public file";
  if (pathname === "/about" || pathname === "/about/") return "prerendered page";
  if (pathname === "/_image") return "image endpoint";
  if (pathname === "/form" && method === "POST") return "form POST";
  if (pathname === "/actions" && method === "POST") return "action POST";
  if (PAGES.has(pathname)) return "server page";
  return "missing page";
}

/**
 * A page on another origin, so the API calls from it are real cross-origin requests. For a target on 127.0.0.1 it is
 * the target's own /about under the name localhost: Chromium refuses requests to a loopback address from a page it
 * did not load from one (Local Network Access), whatever CORS says. Otherwise Playwright answers for a made-up origin.
 */
async function openForeignPage(page, baseUrl) {
  const url = new URL(baseUrl);
  if (url.hostname === "127.0.0.1") {
    url.hostname = "localhost";
    await page.goto(`${url.origin}/about`);
    return;
  }
  const foreign = "https://viewer.example/";
  await page.route(foreign, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>viewer</title>" }));
  await page.goto(foreign);
}

let env;
/** The target and the browser, started once; a failure here fails every test with the same clear message. */
function setup() {
  env ??= (async () => {
    const target = await startTarget();
    try {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        // Root on CI needs --no-sandbox; the rest keep Chromium off a network this machine has closed.
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync"],
      });
      return { target, browser };
    } catch (e) {
      await target.stop();
      throw e;
    }
  })();
  return env;
}

let wsEnv;
/** The WebSocket API's preview (a second process: one serves one stack), started once, by the test that needs it. */
function setupWebSocket() {
  wsEnv ??= startWebSocketTarget();
  return wsEnv;
}

after(async () => {
  const ws = await wsEnv?.catch(() => undefined);
  await ws?.stop();
  if (!env) return;
  const started = await env.catch(() => undefined);
  if (!started) return;
  await started.browser.close();
  await started.target.stop();
});

/** Every response from the target seen by any test: the trace test checks each against the preview's trace. */
const seen = [];

async function newPage() {
  const { target, browser } = await setup();
  // The preview's certificate is self-signed, as a local development certificate is.
  const context = await browser.newContext({ baseURL: target.baseUrl, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const responses = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin !== target.baseUrl) return;
    const entry = { method: response.request().method(), url, status: response.status(), headers: response.headers() };
    // allHeaders() has what headers() may leave out; settled() waits for it before a check reads the headers.
    entry.ready = response.allHeaders().then((h) => { entry.headers = h; }, () => {});
    responses.push(entry);
    seen.push(entry);
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { target, context, page, responses, errors };
}

/** The responses, with every header read. */
async function settled(responses) {
  await Promise.all(responses.map((r) => r.ready));
  return responses;
}

async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The layout's stylesheet and script are applied: the h1 takes site.css's colour, the script marked the document. */
async function assertStyledAndScripted(page, responses) {
  await settled(responses);
  const look = await page.evaluate(() => ({
    h1: getComputedStyle(document.querySelector("h1")).color,
    bodyWidth: getComputedStyle(document.body).maxWidth,
    js: document.documentElement.dataset.js ?? null,
  }));
  assert.equal(look.h1, "rgb(20, 110, 190)", "the h1 has site.css's colour: the /_astro/*.css file was served and applied");
  assert.equal(look.bodyWidth, "640px", "the layout's scoped style (40rem) applies");
  assert.equal(look.js, "ran", "the layout's /_astro/*.js module ran");
  const css = responses.find((r) => r.url.pathname.startsWith("/_astro/") && r.url.pathname.endsWith(".css"));
  const js = responses.find((r) => r.url.pathname.startsWith("/_astro/") && r.url.pathname.endsWith(".js"));
  assert.ok(css, "the page loaded a /_astro/*.css file");
  assert.ok(js, "the page loaded a /_astro/*.js file");
  assert.match(css.headers["content-type"] ?? "", /^text\/css/, "S3 serves the stylesheet as text/css");
  assert.match(js.headers["content-type"] ?? "", /^(text|application)\/javascript/, "S3 serves the module as JavaScript");
}

test("the home page (rendered by the server) has its CSS and JS", async () => {
  const { page, responses, errors, context } = await newPage();
  const response = await page.goto("/");
  assert.equal(response.status(), 200);
  await page.getByTestId("home").waitFor();
  await assertStyledAndScripted(page, responses);
  assert.deepEqual(errors, [], "no script error on the page");
  await screenshot(page, "home");
  await context.close();
});

test("the prerendered page comes with its CSS and JS, and its public image loads", async () => {
  const { page, responses, context } = await newPage();
  const response = await page.goto("/about");
  assert.equal(response.status(), 200);
  await page.getByTestId("about").waitFor();
  await assertStyledAndScripted(page, responses);
  const logo = await page.locator('img[src="/images/logo.svg"]').evaluate((img) => img.complete && img.naturalWidth);
  assert.ok(logo > 0, "public/images/logo.svg loaded");
  const robots = await context.request.get("/robots.txt");
  assert.equal(robots.status(), 200, "public/robots.txt is served");
  seen.push({ method: "GET", url: new URL(robots.url()), status: robots.status(), headers: robots.headers(), ready: Promise.resolve() });
  await screenshot(page, "about");
  await context.close();
});

test("the server-rendered page sees its query string and cookies, and its cookie reaches the browser", async () => {
  const { page, responses, context, target } = await newPage();
  await context.addCookies([{ name: "theme", value: "dark", url: target.baseUrl }]);
  const response = await page.goto("/ssr?name=Ada");
  assert.equal(response.status(), 200);
  assert.equal(await page.locator("#name").getAttribute("data-name"), "Ada", "the query string reached the server");
  assert.equal(await page.locator("#theme").getAttribute("data-theme"), "dark", "the cookie reached the server");
  assert.equal(await page.locator("#host").textContent(), new URL(target.baseUrl).host, "Astro sees the viewer's host");
  const set = (await context.cookies()).find((c) => c.name === "last-name");
  assert.equal(set?.value, "Ada", "the page's Set-Cookie reached the browser");
  assert.equal(response.headers()["cache-control"], "no-store", "the page's own Cache-Control comes through");
  await assertStyledAndScripted(page, responses);
  await screenshot(page, "ssr");
  await context.close();
});

test("the HTML form POSTs to itself and shows what was posted", async () => {
  const { page, responses, context } = await newPage();
  await page.goto("/form");
  await page.locator('input[name="message"]').fill("hello from Chromium");
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Send" }).click()]);
  assert.equal(response.status(), 200, "Astro's origin check accepts the POST (https:// + the forwarded host)");
  await page.locator("#posted").waitFor();
  assert.equal(await page.locator("#posted").getAttribute("data-posted"), "hello from Chromium");
  assert.ok(responses.some((r) => r.method === "POST" && r.url.pathname === "/form"));
  await screenshot(page, "form");
  await context.close();
});

test("the Astro Action answers the form", async () => {
  const { page, context } = await newPage();
  await page.goto("/actions");
  await page.locator('input[name="name"]').fill("Ada");
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Greet" }).click()]);
  assert.ok(response.status() < 400, `the action POST answered ${response.status()}`);
  await page.locator("#greeting, #error").first().waitFor();
  assert.equal(await page.locator("#error").count(), 0, "the action reported no error");
  assert.equal(await page.locator("#greeting").textContent(), "Hello, Ada!");
  await screenshot(page, "actions");
  await context.close();
});

test("/api/* answers a cross-origin GET with a query and a JSON POST, with the CORS headers of its policy", async () => {
  const { page, context, target } = await newPage();
  await openForeignPage(page, target.baseUrl);
  const apiResponse = (method) => page.waitForResponse((r) => r.url().startsWith(`${target.baseUrl}/api/hello`) && r.request().method() === method);
  const [getResponse, postResponse] = [apiResponse("GET"), apiResponse("POST")];
  // If the fetches fail, the waiters end with the page: that must not outlive the test as an unhandled rejection.
  getResponse.catch(() => {});
  postResponse.catch(() => {});
  const results = await page.evaluate(async (base) => {
    const get = await fetch(`${base}/api/hello?x=1`);
    const post = await fetch(`${base}/api/hello`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: 42 }) });
    return { get: { status: get.status, body: await get.json() }, post: { status: post.status, body: await post.json() } };
  }, target.baseUrl);
  assert.deepEqual(results.get, { status: 200, body: { message: "hello", query: { x: "1" } } });
  assert.deepEqual(results.post, { status: 200, body: { echo: { n: 42 } } }, "the preflight passed and the JSON body reached the endpoint");
  // CORS-with-preflight-and-SecurityHeadersPolicy (eaab4381-...): Access-Control-Allow-Origin * on CORS requests.
  const [getHeaders, postHeaders] = [await (await getResponse).allHeaders(), await (await postResponse).allHeaders()];
  assert.equal(getHeaders["access-control-allow-origin"], "*");
  assert.equal(postHeaders["access-control-allow-origin"], "*");
  assert.equal(getHeaders["x-content-type-options"], "nosniff", "the policy's security headers");
  await context.close();
});

test("a hashed /_astro/* asset is served immutable", async () => {
  const { page, responses, context } = await newPage();
  await page.goto("/");
  const hashed = (await settled(responses)).filter((r) => r.url.pathname.startsWith("/_astro/"));
  assert.ok(hashed.length >= 3, `the home page loads its stylesheet, script and logo from /_astro/ (saw ${hashed.map((r) => r.url.pathname)})`);
  for (const r of hashed) {
    assert.equal(r.status, 200, r.url.pathname);
    assert.match(r.headers["cache-control"] ?? "", /\bimmutable\b/, `${r.url.pathname} Cache-Control: ${r.headers["cache-control"]}`);
  }
  await context.close();
});

test("the images page shows the image /_image made", async () => {
  const { page, responses, context } = await newPage();
  const response = await page.goto("/images");
  assert.equal(response.status(), 200);
  const img = page.getByTestId("gradient");
  await img.waitFor();
  const width = await img.evaluate((el) => (el.complete ? el.naturalWidth : new Promise((ok) => { el.onload = () => ok(el.naturalWidth); el.onerror = () => ok(0); })));
  assert.equal(width, 120, "the server resized the image to the width <Image> asked for");
  const made = (await settled(responses)).find((r) => r.url.pathname === "/_image");
  assert.equal(made?.status, 200);
  assert.match(made.headers["content-type"] ?? "", /^image\/webp/);
  await screenshot(page, "images");
  await context.close();
});

test("an unknown page shows the 404 page with status 404", async () => {
  const { page, context } = await newPage();
  const response = await page.goto("/does-not-exist");
  assert.equal(response.status(), 404);
  assert.match(await page.locator("#not-found").textContent(), /\/does-not-exist/);
  await screenshot(page, "not-found");
  await context.close();
});

test("a WebSocket round trip from a page: $default answers through its route response, sendMessage answers nothing (and the trace has the routes)", async () => {
  const ws = await setupWebSocket();
  const { page, context } = await newPage();
  await page.goto("/about");
  // In the page: connect, send an action-selected message and then one no route selects, and take the first reply.
  // sendMessage has no route response, so the first reply has to be $default's answer to the second message.
  const result = await page.evaluate(async (url) => {
    const socket = new WebSocket(url);
    await new Promise((ok, fail) => {
      socket.onopen = ok;
      socket.onclose = (e) => fail(new Error(`the WebSocket closed before it opened (code ${e.code})`));
    });
    const reply = new Promise((ok, fail) => {
      socket.onmessage = (m) => ok(m.data);
      socket.onclose = (e) => fail(new Error(`the WebSocket closed before a reply (code ${e.code})`));
    });
    socket.send(JSON.stringify({ action: "sendMessage", data: "hi from chromium" }));
    socket.send(JSON.stringify({ action: "nope", from: "chromium" }));
    const first = await reply;
    const closed = new Promise((ok) => { socket.onclose = (e) => ok(e.code); });
    socket.close(1000, "done");
    return { first, closeCode: await closed };
  }, ws.wsUrl);
  const reply = JSON.parse(result.first);
  assert.equal(reply.error, "unknown action", "$default's function body came back through its route response");
  assert.equal(reply.received, JSON.stringify({ action: "nope", from: "chromium" }), "the first reply answers the second message: sendMessage sent none");
  assert.equal(result.closeCode, 1000);
  await context.close();

  // The WebSocket preview's own trace: each route that ran, answered by API Gateway. $disconnect runs after the close,
  // so the trace may lag: give it a moment.
  const want = ["$connect", "sendMessage", "$default", "$disconnect"];
  let trace = [];
  for (let i = 0; i < 20; i++) {
    trace = readTrace(ws.tracePath);
    if (want.every((route) => trace.some((e) => e.behavior === route))) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  for (const route of want) {
    const entry = trace.find((e) => e.behavior === route);
    assert.ok(entry, `the WebSocket trace has the ${route} route: ${JSON.stringify(trace).slice(0, 600)}`);
    assert.equal(entry.answeredBy, "apigw", `${route} was answered by API Gateway`);
    assert.deepEqual(originsOf(entry), ["lambda"], `${route} ran its one function`);
  }
});

test("every request reached exactly one origin, the one its class goes to (x-preview-origin and the trace)", async (t) => {
  const { target } = await setup();
  assert.ok(seen.length > 0, "the tests above made requests");
  await settled(seen);
  for (const r of seen) {
    const cls = classOf(r.method, r.url.pathname);
    const want = CLASSES[cls];
    if (!want) continue; // preflights: no response event carries them
    assert.equal(r.headers["x-preview-origin"], want.origin, `${r.method} ${r.url.pathname} (${cls}) x-preview-origin`);
    assert.ok(r.headers["x-preview-behavior"], `${r.method} ${r.url.pathname} has x-preview-behavior`);
    if (want.behavior) assert.equal(r.headers["x-preview-behavior"], want.behavior, `${r.method} ${r.url.pathname} behavior`);
  }
  // The trace may lag the responses by a write; give it a moment before judging.
  let trace = [];
  for (let i = 0; i < 20; i++) {
    trace = readTrace(target.tracePath);
    if (seen.every((r) => trace.some((e) => e.method === r.method && pathOf(e) === r.url.pathname))) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const summary = {};
  for (const r of seen) {
    const cls = classOf(r.method, r.url.pathname);
    const entries = trace.filter((e) => e.method === r.method && pathOf(e) === r.url.pathname);
    assert.ok(entries.length > 0, `the trace has ${r.method} ${r.url.pathname}`);
    for (const e of entries) {
      const want = CLASSES[cls];
      if (want) assert.deepEqual(originsOf(e), [want.origin], `${r.method} ${r.url.pathname} (${cls}) fetched exactly one origin`);
    }
  }
  for (const e of trace) {
    const cls = classOf(e.method, pathOf(e));
    summary[cls] ??= { requests: 0, fetches: 0 };
    summary[cls].requests += 1;
    summary[cls].fetches += originsOf(e).length;
  }
  for (const cls of Object.keys(CLASSES)) assert.ok(summary[cls], `the suite exercised the request class "${cls}"`);
  t.diagnostic(`origin fetches per request class: ${JSON.stringify(summary)}`);
});
