// Run in a child process by images.test.mjs: imports the bundle at argv[2] and invokes it with the function URL
// events of the paths in argv[3..], printing one JSON line of { statusCode, headers, body (base64) } per path.
import { pathToFileURL } from "node:url";
import { functionUrlEvent } from "./events.mjs";
import { lambdaContext } from "./load.mjs";

console.log = console.info = console.debug = console.error = console.warn = () => {};
const { handler } = await import(pathToFileURL(process.argv[2]).href);
for (const path of process.argv.slice(3)) {
  const r = await handler(functionUrlEvent({ path }), lambdaContext());
  const body = r.isBase64Encoded ? r.body : Buffer.from(r.body ?? "", "utf8").toString("base64");
  process.stdout.write(JSON.stringify({ statusCode: r.statusCode, headers: r.headers, body }) + "\n");
}
