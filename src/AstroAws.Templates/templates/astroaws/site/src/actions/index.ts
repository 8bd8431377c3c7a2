import { defineAction } from "astro:actions";
import { z } from "astro/zod";

export const server = {
  // Called from src/pages/actions.astro as an HTML form action, or as RPC:
  // POST /_actions/greet with a form body (application/x-www-form-urlencoded or multipart/form-data).
  greet: defineAction({
    accept: "form",
    input: z.object({ name: z.string().min(1) }),
    handler: async ({ name }) => ({ greeting: `Hello, ${name}!` }),
  }),
};
