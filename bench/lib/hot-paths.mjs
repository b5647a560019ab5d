import { GROUP_IDS, SEARCH } from "./seed.mjs"

/**
 * The requests measured at every scale: the two floors, Medusa's own
 * product list, and the plugin's hot paths. `side` says which floor a path
 * is compared with; `ratio` names the goal it counts toward.
 */
export function hotPaths(program) {
  const admin = { authorization: `Bearer ${program.adminToken}` }
  const member = { authorization: `Bearer ${program.memberToken}`, "x-publishable-api-key": program.key }
  const inbox = (query) => ({ path: `/admin/conversations?limit=20${query}`, headers: admin, side: "admin", ratio: "inbox" })
  return {
    floor_admin: { path: "/admin/bench-floor", headers: admin, side: "admin", floor: true },
    floor_store: { path: "/store/bench-floor", headers: { "x-publishable-api-key": program.key }, side: "store", floor: true },
    // not a goal's floor: what Medusa's authentication of an affiliate adds to the store floor
    floor_store_affiliate: { path: "/store/bench-floor/affiliate", headers: member, side: "store", floor: true },
    medusa_products: { path: "/admin/products?limit=20", headers: admin, side: "admin" },
    inbox_all: inbox(""),
    inbox_unread: inbox("&unread=true"),
    inbox_group: inbox(`&group_id=${GROUP_IDS[1]}`),
    inbox_manager: inbox(`&manager_id=${program.adminId}`),
    inbox_status: inbox("&affiliate_status=pending"),
    inbox_search_name: inbox(`&q=${encodeURIComponent(SEARCH.name)}`),
    // the common word's hits grow 10× a scale by design: measured apart from the equal-work paths
    inbox_search_text: { ...inbox(`&q=${encodeURIComponent(SEARCH.text)}`), ratio: "search_common" },
    inbox_search_rare: inbox(`&q=${encodeURIComponent(SEARCH.rare)}`),
    thread_admin: {
      path: `/admin/conversations/${program.teamThreadId}/messages?limit=50`,
      headers: admin,
      side: "admin",
      ratio: "thread",
    },
    thread_store: {
      path: `/store/affiliates/me/conversations/${program.teamThreadId}/messages?limit=50`,
      headers: member,
      side: "store",
      ratio: "thread",
    },
    store_conversations: { path: "/store/affiliates/me/conversations?limit=20", headers: member, side: "store" },
    badge: { path: "/store/affiliates/me/messaging", headers: member, side: "store", ratio: "badge" },
    // Medusa's own simplest write (its create-customer workflow), the sends' yardstick
    medusa_customers: {
      path: "/admin/customers",
      method: "POST",
      body: { email: "bench-[<id>]@bench.test", first_name: "Bench" },
      idReplacement: true,
      headers: admin,
      side: "admin",
      write: true,
    },
    send_owner: {
      path: `/admin/conversations/${program.memberThreadId}/messages`,
      method: "POST",
      body: { body: "A message from the benchmark" },
      headers: admin,
      side: "admin",
      send: true,
    },
    send_affiliate: {
      path: `/store/affiliates/me/conversations/${program.memberThreadId}/messages`,
      method: "POST",
      body: { body: "A reply from the benchmark" },
      headers: member,
      side: "store",
      send: true,
    },
  }
}

/** One request of a hot path (a fresh id for each `[<id>]`, as autocannon's idReplacement); throws unless 2xx. */
export async function callPath(baseUrl, spec) {
  const res = await fetch(`${baseUrl}${spec.path}`, {
    method: spec.method ?? "GET",
    headers: { "content-type": "application/json", ...spec.headers },
    // as autocannon's idReplacement does: a fresh id for each `[<id>]` (unique emails)
    body: spec.body ? JSON.stringify(spec.body).replaceAll("[<id>]", () => crypto.randomUUID()) : undefined,
  })
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${spec.path}: ${res.status}`)
}
