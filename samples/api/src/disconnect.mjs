// $disconnect: best effort, after the connection is gone; nothing can be sent back.
export const main = async (event) => {
  console.log("disconnect", event.requestContext.connectionId);
  return { statusCode: 200 };
};
