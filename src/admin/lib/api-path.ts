/**
 * An API path whose interpolated values are each one percent-encoded path
 * segment: apiPath`/admin/conversations/${id}/messages`. The values come
 * from the address bar (route params) and from API data; unencoded, an "id"
 * such as `x/../../users` or `x?limit=1000` would aim the admin's session at
 * another route or query. A missing value, "", "." and ".." are refused
 * outright: URL parsing resolves dot segments even when percent-encoded, and
 * an empty one names the parent route.
 *
 * @example
 * apiPath`/admin/affiliates/${"aff_1"}/invites` // "/admin/affiliates/aff_1/invites"
 */
type Segment = string | number | null | undefined

export function apiPath(literals: TemplateStringsArray, ...segments: Segment[]): string {
  return literals.reduce((path, literal, index) => path + encodeSegment(segments[index - 1]) + literal)
}

function encodeSegment(value: Segment): string {
  const segment = value === null || value === undefined ? "" : String(value)
  if (segment === "" || segment === "." || segment === "..") {
    throw new Error(`"${segment}" cannot be a segment of an API path`)
  }
  return encodeURIComponent(segment)
}
