// @ts-check
import { defineConfig } from "astro/config";
import astroAws from "@astro-aws/adapter";

// ASTRO_AWS_MODE picks the @astro-aws/adapter mode: ssr (default), ssr-stream or edge.
const MODES = ["ssr", "ssr-stream", "edge"];
const mode = process.env.ASTRO_AWS_MODE || "ssr";
if (!MODES.includes(mode)) {
  throw new Error(`ASTRO_AWS_MODE must be one of ${MODES.join(", ")}; got "${mode}"`);
}

export default defineConfig({
  output: "server",
  adapter: astroAws({ mode }),
  // Stylesheets and scripts as hashed /_astro/* files rather than inlined: the browser suite (test/browser) proves that
  // S3 serves them with a content type and Cache-Control the browser accepts (Astro inlines scripts under Vite's
  // assetsInlineLimit).
  build: { inlineStylesheets: "never" },
  vite: { build: { assetsInlineLimit: 0 } },
});
