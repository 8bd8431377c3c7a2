// No statusCode: with payload 2.0, API Gateway answers 200 with this object as the JSON body.
export const main = async () => ({ hello: "world" });
