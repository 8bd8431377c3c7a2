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

// OPTIONS /api/hello -> 204: a browser's CORS preflight needs a 2xx answer that allows its method and headers. The
// /api/* behavior's CORS policy adds its headers to this answer but does not answer for it (docs/request-routing.md).
export const OPTIONS: APIRoute = ({ request }) =>
  new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "content-type",
      "access-control-max-age": "600",
    },
  });
