// @ts-check
import { defineConfig } from "astro/config";
import astroAws from "@astro-aws/adapter";

export default defineConfig({
  // Without `output: "server"` every page is prerendered: the form POST, the Action and the API route would 404.
  // Pages that should be files in S3 say `export const prerender = true` (see src/pages/about.astro).
  output: "server",
  // The mode decides how AstroAws serves the site: ssr, ssr-stream or edge.
  adapter: astroAws({ mode: "ASTRO_AWS_MODE" }),
});
