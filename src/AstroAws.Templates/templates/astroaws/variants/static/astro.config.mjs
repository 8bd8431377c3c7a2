// @ts-check
import { defineConfig } from "astro/config";

// A static build needs no adapter: every page is a file, and AstroAws serves them all from S3.
export default defineConfig({
  output: "static",
});
