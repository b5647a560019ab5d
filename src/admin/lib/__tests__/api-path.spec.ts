import { apiPath } from "../api-path"

/** Where a browser's fetch would send the path: resolved as the URL parser does. */
const resolved = (path: string) => new URL(path, "https://shop.test/app/messages")

describe("apiPath", () => {
  it("leaves plain ids as they are", () => {
    expect(apiPath`/admin/affiliates/${"aff_01J9"}/invites`).toBe("/admin/affiliates/aff_01J9/invites")
    expect(apiPath`/admin/conversations/${"conv_1"}/messages`).toBe("/admin/conversations/conv_1/messages")
  })

  it.each([
    ["a path traversal", "x/../../users", "/admin/conversations/x%2F..%2F..%2Fusers/messages"],
    ["a query", "x?limit=1000&q=", "/admin/conversations/x%3Flimit%3D1000%26q%3D/messages"],
    ["a fragment", "x#top", "/admin/conversations/x%23top/messages"],
    ["an encoded traversal", "%2e%2e", "/admin/conversations/%252e%252e/messages"],
    ["a backslash", "..\\users", "/admin/conversations/..%5Cusers/messages"],
    ["spaces and accents", "Résumé Q3", "/admin/conversations/R%C3%A9sum%C3%A9%20Q3/messages"],
  ])("keeps %s inside its one segment", (_, id, expected) => {
    const url = resolved(apiPath`/admin/conversations/${id}/messages`)
    expect(url.pathname).toBe(expected)
    expect(url.search).toBe("")
    expect(url.hash).toBe("")
    expect(decodeURIComponent(url.pathname.split("/")[3])).toBe(id)
  })

  it.each([[""], ["."], [".."], [undefined], [null]])("refuses %p as a segment", (id) => {
    expect(() => apiPath`/admin/affiliates/${id}`).toThrow(/cannot be a segment/)
  })
})
