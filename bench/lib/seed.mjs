/**
 * Bulk SQL seeding of an affiliate program, deterministic, in top-ups:
 * affiliates (from, to] get their members, conversations and messages, so
 * the scales S → M → L grow one data set. Per affiliate: 9 members, a team
 * thread and 9 member threads (10 conversations), 10 messages each. About
 * 5 % of conversations are unread for the owner; 0.1 % of messages say
 * "wholesale" (the text search term, its hits growing with the program);
 * one message in each of the first 10 affiliates' first member threads
 * says "quokka" (a rare term: 10 hits at every scale).
 */
export const PER_AFFILIATE = { members: 9, conversations: 10, messagesPerConversation: 10 }

export const GROUP_IDS = ["agrp_bench_1", "agrp_bench_2", "agrp_bench_3", "agrp_bench_4", "agrp_bench_5"]
export const SEARCH = { name: "Partner 4242", text: "wholesale", rare: "quokka" }

const TOPICS = ["spring campaign", "coupon codes", "payout schedule", "banner assets", "commission rates", "landing page", "product feed", "holiday promo"]
const sqlArray = (values) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`

/** Affiliate n's facts, as SQL expressions of `n` (used by every table, so they agree). */
function affiliateFacts(managers) {
  return {
    id: `'aff_bench_' || n`,
    name: `'Partner ' || n || ' ' || (array['Media','Reviews','Deals','Blog','Studio','Labs'])[1 + n % 6]`,
    email: `'partner' || n || '@bench.test'`,
    status: `case when n % 10 < 7 then 'active' when n % 10 = 7 then 'pending' when n % 10 = 8 then 'suspended' else 'declined' end`,
    group: `case when n % 6 = 0 then null else 'agrp_bench_' || (n % 6) end`,
    manager: `case when n % 4 = 0 then null else (${sqlArray(managers)})[1 + n % ${managers.length}] end`,
  }
}

/** Conversation k of affiliate n: when it started, and whether the owner has not read it. */
const conversationBase = `now() - ((n * 7919 + k * 104729) % 525600) * interval '1 minute' - interval '10 minutes'`
const conversationUnread = `((n * 31 + k) % 20 = 0)`

export async function seedFixtures(db) {
  await db.query(`insert into affiliate_group (id, name, messaging_enabled, created_at, updated_at)
    select 'agrp_bench_' || g, 'Tier ' || g, true, now(), now() from generate_series(1, 5) g
    on conflict do nothing`)
}

/** Adds affiliates (from, to] with everything they own; returns seconds taken. */
export async function seedAffiliates(db, { from, to, managers }) {
  const started = Date.now()
  const a = affiliateFacts(managers)
  const range = `generate_series(${from + 1}, ${to}) n`
  const { members, conversations, messagesPerConversation } = PER_AFFILIATE
  const saved = await dropSecondaryIndexes(db, ["affiliate_conversation", "affiliate_message"])

  await db.query(`insert into affiliate (id, name, email, status, group_id, manager_id, created_at, updated_at)
    select ${a.id}, ${a.name}, ${a.email}, ${a.status}, ${a.group}, ${a.manager}, now() - interval '400 days', now()
    from ${range}`)
  await db.query(`insert into affiliate_member (id, email, first_name, last_name, role, email_notifications, affiliate_id, created_at, updated_at)
    select 'mem_bench_' || n || '_' || k, 'member' || k || '.partner' || n || '@bench.test', 'Member' || k, 'Partner' || n,
           case when k = 0 then 'owner' else 'member' end, false, ${a.id}, now(), now()
    from ${range}, generate_series(0, ${members - 1}) k`)
  // k = 0 is the team thread; k ≥ 1 the thread of member k - 1
  const last = messagesPerConversation - 1
  // member columns: the member thread's copy of its member, as the members above
  const ofMember = (expression) => `case when k = 0 then null else ${expression} end`
  await db.query(`insert into affiliate_conversation (id, affiliate_id, member_id, affiliate_name, affiliate_email,
      affiliate_status, affiliate_group_id, affiliate_manager_id, member_first_name, member_last_name, member_email,
      last_message_at, last_message_preview, last_owner_message_at, message_count, owner_unread, owner_read_at,
      created_at, updated_at)
    select 'conv_bench_' || n || '_' || k, ${a.id}, ${ofMember(`'mem_bench_' || n || '_' || (k - 1)`)},
           ${a.name}, ${a.email}, ${a.status}, ${a.group}, ${a.manager},
           ${ofMember(`'Member' || (k - 1)`)}, ${ofMember(`'Partner' || n`)},
           ${ofMember(`'member' || (k - 1) || '.partner' || n || '@bench.test'`)},
           base + interval '${last} minutes', 'Latest news about the ' || (${sqlArray(TOPICS)})[1 + (n + k) % 8],
           base + case when unread then interval '${last - 2} minutes' else interval '${last} minutes' end,
           ${messagesPerConversation}, unread,
           case when unread then null else base + interval '${last} minutes' end, base, now()
    from ${range}, generate_series(0, ${conversations - 1}) k,
         lateral (select ${conversationBase} as base, ${conversationUnread} as unread) t`)
  await db.query(`insert into affiliate_message (id, author_type, author_id, author_name, body, conversation_id, created_at, updated_at)
    select 'msg_bench_' || n || '_' || k || '_' || i, author, null,
           case when author = 'owner' then 'Bench Admin' else 'Member ' || k end,
           'Hi Partner ' || n || ', a note about the ' || (${sqlArray(TOPICS)})[1 + (n * 7 + k * 3 + i) % 8] || ' (#' || i || ')'
             || case when (n * 13 + k * 7 + i) % 1000 = 0 then ' and wholesale pricing' else '' end
             || case when n <= 10 and k = 1 and i = 3 then ' for the quokka campaign' else '' end,
           'conv_bench_' || n || '_' || k, base + i * interval '1 minute', base + i * interval '1 minute'
    from ${range}, generate_series(0, ${conversations - 1}) k, generate_series(0, ${last}) i,
         lateral (select ${conversationBase} as base,
                         case when i = ${last} and ${conversationUnread} then 'affiliate'
                              when i = ${last} or i % 2 = 1 then 'owner' else 'affiliate' end as author) t`)

  await restoreIndexes(db, saved)
  // what the plugin's scheduled job does every 10 s: the inbox tally folded
  await db.query(`select affiliate_inbox_tally_compact()`)
  // what autovacuum would do after such a load: statistics and the visibility map
  await db.query(`vacuum analyze affiliate, affiliate_member, affiliate_conversation, affiliate_message`)
  await flushToDisk(db)
  return (Date.now() - started) / 1000
}

/**
 * A load as large as L's leaves dirty pages and more WAL than
 * `max_wal_size`: the checkpoint it sets off would otherwise spread its
 * writes (4.5 minutes at PostgreSQL's defaults) over the measurements of
 * the scale just seeded, which a store that grew to that size over months
 * never pays at once. A server where the bench's role may not checkpoint
 * is measured as it is.
 */
async function flushToDisk(db) {
  try {
    await db.query("checkpoint")
  } catch (error) {
    console.warn(`[bench] no checkpoint after seeding (${error.message}): the load's writes may overlap the measurements`)
  }
}

/**
 * Bulk loads go faster into tables without their secondary indexes; they are
 * rebuilt afterwards from their own definitions (pg_indexes), so the
 * schema ends exactly as the migrations made it.
 */
async function dropSecondaryIndexes(db, tables) {
  const { rows } = await db.query(
    `select i.indexname, i.indexdef from pg_indexes i
      join pg_class c on c.relname = i.indexname
      join pg_index x on x.indexrelid = c.oid
     where i.tablename = any($1) and not x.indisprimary and not x.indisunique`,
    [tables]
  )
  for (const { indexname } of rows) {
    await db.query(`drop index "${indexname}"`)
  }
  return rows
}

async function restoreIndexes(db, saved) {
  await db.query(`set maintenance_work_mem = '512MB'`)
  for (const { indexdef } of saved) {
    await db.query(indexdef)
  }
}

/** Counts at the current scale, for the report. */
export async function countRows(db) {
  const { rows } = await db.query(`select
    (select count(*) from affiliate)::int as affiliates,
    (select count(*) from affiliate_member)::int as members,
    (select count(*) from affiliate_conversation)::int as conversations,
    (select count(*) from affiliate_message)::int as messages,
    (select count(*) from affiliate_conversation where owner_unread)::int as unread_conversations`)
  return rows[0]
}
