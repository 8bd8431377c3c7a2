import type { APIRoute } from "astro";

// GET /api/<id> -> {"id":"<id>"}  (a dynamic, server-rendered route)
export const GET: APIRoute = ({ params }) => Response.json({ id: params.id });
