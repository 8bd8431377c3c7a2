// $default: messages that are not JSON or whose "action" matches no route. The route returns its response,
// so this body reaches the client.
export const main = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ error: "unknown action", hint: 'send {"action":"sendMessage","data":"..."}', received: event.body ?? null }),
});
