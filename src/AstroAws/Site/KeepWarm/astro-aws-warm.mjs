// AstroAws's server entry when AstroAwsProps.Warm is set. The adapter's handler (entry.mjs) has no warm-up path, so
// this module sits in front of it: a warm-up invocation from the site's warmer keeps its execution environment busy
// for HOLD_MS and returns without rendering; every other event goes to the adapter's handler unchanged.
import { randomUUID } from "node:crypto";
import { handler as astroHandler } from "./entry.mjs";

/**
 * How long a warm-up invocation keeps its environment busy, in milliseconds. The warmer sends its n invocations at
 * once; while one is held, Lambda gives the next an environment of its own, so n environments are kept, not one.
 */
export const HOLD_MS = 100;

/** Names this execution environment in warm-up answers, so the warmer can count the environments it reached. */
const instance = randomUUID();

/**
 * A warm-up comes only from a direct Invoke (lambda:InvokeFunction, granted to the warmer): a function URL always
 * delivers an HTTP event (payload 2.0, with requestContext) and puts what a viewer sends inside it, never at its top level.
 */
export function isWarmUp(event) {
  return typeof event === "object" && event !== null && !("requestContext" in event)
    && typeof event.astroAwsWarmer === "object" && event.astroAwsWarmer !== null;
}

async function hold(event) {
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  return { instance, index: event.astroAwsWarmer.index };
}

/** The handler of ssr mode (BUFFERED function URL). */
export const handler = async (event, context) => (isWarmUp(event) ? hold(event) : astroHandler(event, context));

/**
 * The handler of ssr-stream mode (RESPONSE_STREAM function URL). Lambda's Node.js runtime marks a function wrapped by
 * awslambda.streamifyResponse and returns that same function, so the adapter's handler is called here with the
 * stream, as Lambda would call it. A direct Invoke of a streaming function gets what was written as its payload.
 */
export const streamingHandler = globalThis.awslambda?.streamifyResponse
  ? globalThis.awslambda.streamifyResponse(async (event, responseStream, context) => {
    if (!isWarmUp(event)) {
      return astroHandler(event, responseStream, context);
    }
    responseStream.write(JSON.stringify(await hold(event)));
    responseStream.end();
  })
  : undefined;
