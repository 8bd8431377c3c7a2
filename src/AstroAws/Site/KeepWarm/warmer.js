'use strict';
// AstroAws's warmer (AstroAwsProps.Warm): on its schedule, and once after each deploy, it invokes the site's server
// function n times at once. Lambda runs each in-flight invocation in an execution environment of its own, and the
// server's entry (astro-aws-warm.mjs) keeps each warm-up invocation busy for a moment, so the n invocations overlap
// and n environments are started or kept; calls that did not overlap would all be answered by one environment.

/**
 * Sends `concurrency` warm-up invocations together and waits for all of them. `invoke(params)` is Lambda's Invoke
 * (the SDK's in Lambda, a stand-in in tests) and resolves to its response ({ StatusCode, FunctionError, Payload }).
 */
async function warm(invoke, functionName, concurrency) {
  const calls = Array.from({ length: concurrency }, (_, index) =>
    Promise.resolve()
      .then(() => invoke({
        FunctionName: functionName,
        // RequestResponse keeps each call open until the function returns, so all of them are in flight at once;
        // Event would only queue them for Lambda to run when it chooses, one after another if it likes.
        InvocationType: 'RequestResponse',
        Payload: JSON.stringify({ astroAwsWarmer: { index, concurrency } }),
      }))
      .then(answerOf, (error) => ({ error: String((error && error.message) || error) })));
  const answers = await Promise.all(calls);
  const instances = new Set(answers.filter((a) => a.instance).map((a) => a.instance));
  const errors = answers.filter((a) => a.error).map((a) => a.error);
  return { sent: concurrency, instances: instances.size, failed: errors.length, errors: [...new Set(errors)].slice(0, 5) };
}

function answerOf(response) {
  if (response.FunctionError || !response.Payload) {
    return { error: `server answered ${response.FunctionError || 'no payload'}` };
  }
  const body = JSON.parse(Buffer.from(response.Payload).toString('utf8'));
  return body && typeof body.instance === 'string' ? { instance: body.instance } : { error: 'server did not answer as a warm-up' };
}

let client;

exports.warm = warm;

exports.handler = async () => {
  // The SDK for JavaScript v3 is part of Lambda's Node.js runtimes; nothing is bundled.
  const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');
  const concurrency = Number(process.env.CONCURRENCY);
  // The SDK's default of 50 sockets would queue calls beyond the 50th, and queued calls do not overlap.
  client = client || new LambdaClient({ requestHandler: { httpsAgent: { maxSockets: concurrency } } });
  const result = await warm((params) => client.send(new InvokeCommand(params)), process.env.FUNCTION_NAME, concurrency);
  console.log(JSON.stringify({ event: 'astro-aws warm-up', functionName: process.env.FUNCTION_NAME, ...result }));
  if (result.failed > 0) {
    // Fails the invocation, so the warmer's Errors metric shows a site that is not being kept warm.
    throw new Error(`${result.failed} of ${result.sent} warm-up invocations failed: ${result.errors.join('; ')}`);
  }
  return result;
};
