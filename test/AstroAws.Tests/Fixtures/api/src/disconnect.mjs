// Test fixture: a WebSocket route handler the API tests point handler strings at.
export const main = async () => ({ statusCode: 200 });
