// Loaded with `node --import`: lets ES module imports fall back to the NODE_PATH folders, as Lambda's Node.js 18+
// runtimes do for layers (/opt/nodejs/node_modules is on NODE_PATH there; plain Node's ESM loader ignores NODE_PATH).
// Rule lambda/layer-node-path in docs/aws-rules.md.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
import { pathToFileURL } from "node:url";
const dirs = (process.env.NODE_PATH ?? "").split(":").filter(Boolean);
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (err?.code !== "ERR_MODULE_NOT_FOUND" || /^[./]|^[a-z]+:/.test(specifier)) throw err;
    for (const dir of dirs) {
      try {
        return await next(specifier, { ...context, parentURL: pathToFileURL(dir + "/noop.mjs").href });
      } catch {}
    }
    throw err;
  }
}`),
);
