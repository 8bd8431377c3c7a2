// sendMessage: posts {"echo": data} back to the sender through the management API, as a chat handler would.
export const main = async (event) => {
  const { data } = JSON.parse(event.body ?? "{}");
  const url = `${process.env.WEBSOCKET_CALLBACK_URL}/@connections/${encodeURIComponent(event.requestContext.connectionId)}`;
  const response = await fetch(url, { method: "POST", body: JSON.stringify({ echo: data, routeKey: event.requestContext.routeKey }) });
  return { statusCode: response.ok ? 200 : 500 };
};
