import type { APIRoute } from "astro";

// GET /api/hello?x=1 -> {"message":"hello","query":{"x":"1"}}
export const GET: APIRoute = ({ url }) =>
  Response.json({ message: "hello", query: Object.fromEntries(url.searchParams) });

// POST /api/hello with a JSON body -> {"echo": <body>}
export const POST: APIRoute = async ({ request }) => {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "expected a JSON body" }, { status: 400 });
  }
  return Response.json({ echo: body });
};
