// $connect that accepts a connection only with ?ticket=ok and answers 401 otherwise (API Gateway then refuses it).
export const main = async (event) => ({ statusCode: event.queryStringParameters?.ticket === "ok" ? 200 : 401 });
