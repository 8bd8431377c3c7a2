// GET /files/{proxy+} and GET /files: everything below /files, in event.pathParameters.proxy (absent for /files).
export async function get(event) {
  const path = event.pathParameters?.proxy ?? '';
  return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: `file: /${path}\n` };
}
