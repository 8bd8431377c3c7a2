// $connect that admits a connection only when the authorizer's context reached it (requestContext.authorizer.room).
export const main = async (event) => ({ statusCode: event.requestContext?.authorizer?.room === "lobby" ? 200 : 500 });
