/**
 * What the benchmark drives through the real API (so logins work): the
 * admin's token, a publishable key, 20 products for Medusa's own list, the
 * probe affiliate whose member reads and writes, and a "broadcast"
 * affiliate with many members that measures email throughput.
 */
const PASSWORD = "bench-password-1"

export async function api(baseUrl, method, route, { token, key, body } = {}) {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { "x-publishable-api-key": key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await res.json().catch(() => null)
  if (!res.ok) {
    throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(data)}`)
  }
  return data
}

export async function login(baseUrl, actor, email, password = PASSWORD) {
  return (await api(baseUrl, "POST", `/auth/${actor}/emailpass`, { body: { email, password } })).token
}

export async function setUpProgram(baseUrl, { adminEmail, adminPassword, groupId }) {
  const adminToken = await login(baseUrl, "user", adminEmail, adminPassword)
  const { user } = await api(baseUrl, "GET", "/admin/users/me", { token: adminToken })
  const { api_key } = await api(baseUrl, "POST", "/admin/api-keys", {
    token: adminToken,
    body: { title: "Bench storefront", type: "publishable" },
  })
  const key = api_key.token

  for (let i = 1; i <= 20; i++) {
    await api(baseUrl, "POST", "/admin/products", {
      token: adminToken,
      body: {
        title: `Bench product ${i}`,
        status: "published",
        options: [{ title: "Size", values: ["S", "M"] }],
        variants: ["S", "M"].map((size) => ({
          title: size,
          options: { Size: size },
          prices: [{ currency_code: "usd", amount: 10 + i }],
        })),
      },
    })
  }

  const signUp = async (name, email) => {
    const { token: registration } = await api(baseUrl, "POST", "/auth/affiliate/emailpass/register", {
      body: { email, password: PASSWORD },
    })
    const { affiliate, member } = await api(baseUrl, "POST", "/store/affiliates", {
      token: registration,
      key,
      body: { name, email, first_name: name.split(" ")[0] },
    })
    await api(baseUrl, "POST", `/admin/affiliates/${affiliate.id}`, {
      token: adminToken,
      body: { status: "active", group_id: groupId, manager_id: user.id },
    })
    return { affiliate, member }
  }

  const probe = await signUp("Probe Partners", "probe@bench.test")
  const memberToken = await login(baseUrl, "affiliate", "probe@bench.test")
  // the member's own thread takes the sends; the team thread is the long one to page through
  const memberThread = await api(baseUrl, "POST", "/admin/conversations", {
    token: adminToken,
    body: { affiliate_id: probe.affiliate.id, member_id: probe.member.id, body: "Welcome to the program" },
  })
  const teamThread = await api(baseUrl, "POST", "/admin/conversations", {
    token: adminToken,
    body: { affiliate_id: probe.affiliate.id, body: "Hello team" },
  })
  const broadcast = await signUp("Broadcast Partners", "broadcast@bench.test")

  return {
    adminToken,
    adminId: user.id,
    key,
    memberToken,
    probe: { affiliate_id: probe.affiliate.id, member_id: probe.member.id },
    memberThreadId: memberThread.conversation.id,
    teamThreadId: teamThread.conversation.id,
    broadcast: { affiliate_id: broadcast.affiliate.id },
  }
}

/** Gives the probe's team thread `count` more messages, as one long history to page through. */
export async function lengthenThread(db, conversationId, count) {
  await db.query(
    `insert into affiliate_message (id, author_type, author_name, body, conversation_id, created_at, updated_at)
     select 'msg_probe_' || i, case when i % 2 = 0 then 'owner' else 'affiliate' end, 'Probe',
            'History message ' || i, $1, now() - interval '30 days' + i * interval '1 minute', now() - interval '30 days' + i * interval '1 minute'
     from generate_series(1, $2::int) i`,
    [conversationId, count]
  )
  await db.query(`update affiliate_conversation set message_count = message_count + $2 where id = $1`, [conversationId, count])
}

/** Members with email notifications on for the broadcast affiliate: each team message emails them all. */
export async function addBroadcastMembers(db, affiliateId, count) {
  await db.query(
    `insert into affiliate_member (id, email, first_name, role, email_notifications, affiliate_id, created_at, updated_at)
     select 'mem_broadcast_' || i, 'broadcast' || i || '@bench.test', 'Reader' || i, 'member', true, $1, now(), now()
     from generate_series(1, $2::int) i`,
    [affiliateId, count]
  )
}
