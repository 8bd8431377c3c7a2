// /_image through the real @astro-aws/adapter ssr bundle of samples/astro-site, with sharp from a layer folder laid
// out as the site's image layer (nodejs/node_modules, linux-x64 here since this machine is x86_64; the arm64 layer's
// packages are checked in test/AstroAws.Tests/Site/Images). The bundle is copied out of the repository first, as
// Lambda sees it in /var/task, so nothing resolves sharp from the sample's own node_modules.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { REPO, SITE, metadataMode } from "./load.mjs";

const DIST = process.env.ASTRO_SSR_DIST ?? resolve(SITE, "dist");
const HERE = resolve(REPO, "test/handler");

// The version the construct installs by default (AstroAwsImages.DefaultSharpVersion).
const SHARP = readFileSync(resolve(REPO, "src/AstroAws/Site/AstroAwsImages.cs"), "utf8").match(/DefaultSharpVersion = "([^"]+)"/)[1];

let task;
let layer;
before(() => {
  assert.ok(existsSync(resolve(DIST, "lambda/entry.mjs")), `no ssr build at ${DIST}; run scripts/build-sample.sh`);
  assert.equal(metadataMode(DIST), "ssr");
  const root = mkdtempSync(join(tmpdir(), "astro-aws-images-"));
  task = join(root, "task");
  cpSync(resolve(DIST, "lambda"), task, { recursive: true });

  // The same install the construct runs at synth (SharpInstaller), for this machine's architecture.
  layer = join(root, "layer");
  execFileSync("npm", ["install", `sharp@${SHARP}`, "--prefix", join(layer, "nodejs"), "--os=linux", "--cpu=x64", "--libc=glibc",
    "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "pipe" });
});

function invoke(paths, nodePath) {
  const out = execFileSync(process.execPath, ["--import", resolve(REPO, "src/AstroAws.Preview/Origins/node-path-hooks.mjs"), resolve(HERE, "invoke-child.mjs"), join(task, "entry.mjs"), ...paths], {
    env: { ...process.env, NODE_PATH: nodePath ?? "" },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return out.trim().split("\n").map((line) => {
    const r = JSON.parse(line);
    return { ...r, bytes: Buffer.from(r.body, "base64") };
  });
}

/** Width and height of a WebP file (lossy VP8, lossless VP8L or extended VP8X), or throws. */
function webpSize(b) {
  assert.equal(b.toString("ascii", 0, 4), "RIFF");
  assert.equal(b.toString("ascii", 8, 12), "WEBP");
  const chunk = b.toString("ascii", 12, 16);
  if (chunk === "VP8 ") {
    assert.deepEqual([...b.subarray(23, 26)], [0x9d, 0x01, 0x2a], "VP8 start code");
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  throw new Error(`unknown WebP chunk ${chunk}`);
}

describe("/_image with the sharp layer", () => {
  test("the layer holds sharp's linux-x64 glibc packages", () => {
    const cpu = (name) => JSON.parse(readFileSync(join(layer, "nodejs/node_modules/@img", name, "package.json"), "utf8"));
    assert.deepEqual(cpu("sharp-linux-x64").cpu, ["x64"]);
    assert.deepEqual(cpu("sharp-linux-x64").libc, ["glibc"]);
    assert.deepEqual(cpu("sharp-libvips-linux-x64").cpu, ["x64"]);
  });

  test("a page's <Image> URL answers a WebP of the asked width", () => {
    const [page] = invoke(["/images"], join(layer, "nodejs/node_modules"));
    assert.equal(page.statusCode, 200);
    const src = page.bytes.toString("utf8").match(/<img src="(\/_image\?[^"]+)"[^>]*data-testid="gradient"/)?.[1];
    assert.ok(src, "the /images page renders an <Image> pointing at /_image");
    const url = src.replaceAll("&amp;", "&").replaceAll("&#38;", "&");
    assert.match(url, /[?&]w=120(&|$)/);
    assert.match(url, /[?&]f=webp(&|$)/);

    const [image] = invoke([url], join(layer, "nodejs/node_modules"));
    assert.equal(image.statusCode, 200, image.bytes.toString("utf8").slice(0, 200));
    assert.equal(image.headers["content-type"], "image/webp");
    assert.deepEqual(webpSize(image.bytes), { width: 120, height: 75 });
  });

  test("other widths are resized too", () => {
    const [page] = invoke(["/images"], join(layer, "nodejs/node_modules"));
    const href = page.bytes.toString("utf8").match(/\/_image\?href=([^&"]+)/)[1];
    const [image] = invoke([`/_image?href=${href}&w=64&f=webp`], join(layer, "nodejs/node_modules"));
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers["content-type"], "image/webp");
    assert.equal(webpSize(image.bytes).width, 64);
  });

  test("without the layer the same URL fails: sharp is not in the bundle", () => {
    const [page] = invoke(["/images"], join(layer, "nodejs/node_modules"));
    const url = page.bytes.toString("utf8").match(/<img src="(\/_image\?[^"]+)"/)[1].replaceAll("&amp;", "&").replaceAll("&#38;", "&");
    const [image] = invoke([url], "");
    assert.equal(image.statusCode, 500);
    assert.notEqual(image.headers["content-type"], "image/webp");
  });
});
