// A Lambda REQUEST authorizer with simple responses: allows exactly the header "Authorization: let-me-in" and hands
// the route's function a context value, so a test sees both the decision and the context.
export const main = async (event) => ({
  isAuthorized: event.headers?.authorization === "let-me-in",
  context: { who: "authorizer-fixture" },
});
