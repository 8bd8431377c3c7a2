// The bearer token the viewer sent. Under FunctionUrlProtection.OriginAccessControl, CloudFront signs every request to
// the function and its signature replaces the viewer's Authorization header, so AstroAws's request function carries the
// viewer's value in x-forwarded-authorization (docs/function-url-protection.md). Without OAC, and in `astro dev`, the
// token is in Authorization itself.
export function bearerToken(request: Request): string | null {
  const value = request.headers.get("x-forwarded-authorization") ?? request.headers.get("authorization");
  return value?.startsWith("Bearer ") ? value.slice("Bearer ".length) : null;
}
