import type { APIRoute } from "astro";
import { bearerToken } from "../../lib/bearer";

// GET /api/whoami with "Authorization: Bearer abc" -> {"token":"abc"}, with or without Origin Access Control.
export const GET: APIRoute = ({ request }) => Response.json({ token: bearerToken(request) });
