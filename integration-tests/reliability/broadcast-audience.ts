import type { Client } from "pg"

/**
 * A program of `count` affiliates for the broadcast suites, written by bulk
 * SQL (an API sign-up each would take minutes). Affiliate n (1…count), named
 * `<prefix> Partner n`:
 * - in the `open` group, or every 10th in the `closed` group, whose
 *   messaging is off (skipped as `messaging_disabled`);
 * - every 20th from 7 (n % 20 = 7) without members (skipped as
 *   `no_members`; a closed-group affiliate is skipped for its group first);
 * - otherwise an owner member `o<n>@<domain>` with email notifications on
 *   when n % 4 = 0, and, when n % 8 = 0 or 4, a second member
 *   `s<n>@<domain>`, notifications on for n % 8 = 0;
 * - every 3rd already has a team thread with one affiliate message in it
 *   (the broadcast appends), the others have none (the broadcast starts it);
 * - plus `count / 40` suspended affiliates in the open group, with members,
 *   that an audience of active affiliates must never reach.
 */
export async function seedBroadcastAudience(db: Client, { prefix, count, domain }: { prefix: string; count: number; domain: string }) {
  const open = `affgrp_${prefix}_open`
  const closed = `affgrp_${prefix}_closed`
  await db.query(
    `insert into affiliate_group (id, name, messaging_enabled, messaging_disabled_message)
     values ($1, $2, true, null), ($3, $4, false, 'Messages are closed for this tier')`,
    [open, `${prefix} open`, closed, `${prefix} closed`]
  )
  const suspended = Math.floor(count / 40)
  await db.query(
    `insert into affiliate (id, name, email, status, group_id)
     select 'aff_${prefix}_' || n, '${prefix} Partner ' || n, 'partner' || n || '@${domain}',
            case when n > $1::int then 'suspended' else 'active' end,
            case when n <= $1::int and n % 10 = 0 then $3::text else $2::text end
     from generate_series(1, $1::int + $4::int) n`,
    [count, open, closed, suspended]
  )
  await db.query(
    `insert into affiliate_member (id, email, first_name, role, email_notifications, affiliate_id)
     select 'affmem_${prefix}_o' || n, 'o' || n || '@${domain}', 'Owner' || n, 'owner', n % 4 = 0, 'aff_${prefix}_' || n
     from generate_series(1, $1::int + $2::int) n where n % 20 <> 7
     union all
     select 'affmem_${prefix}_s' || n, 's' || n || '@${domain}', 'Second' || n, 'member', n % 8 = 0, 'aff_${prefix}_' || n
     from generate_series(1, $1::int + $2::int) n where n % 20 <> 7 and n % 4 = 0`,
    [count, suspended]
  )
  await db.query(
    `insert into affiliate_conversation (id, affiliate_id, affiliate_name, affiliate_email, affiliate_status, affiliate_group_id,
       last_message_at, last_message_preview, message_count, owner_unread)
     select 'conv_${prefix}_' || a.id, a.id, a.name, a.email, a.status, a.group_id,
            now() - interval '1 day', 'Earlier question', 1, true
     from affiliate a where a.id like 'aff_${prefix}_%' and split_part(a.id, '_', 3)::int % 3 = 0`
  )
  await db.query(
    `insert into affiliate_message (id, author_type, author_name, body, conversation_id, created_at, updated_at)
     select 'msg_${prefix}_' || c.affiliate_id, 'affiliate', 'Owner', 'Earlier question', c.id,
            now() - interval '1 day', now() - interval '1 day'
     from affiliate_conversation c where c.id like 'conv_${prefix}_%'`
  )
  await db.query(`analyze affiliate, affiliate_member, affiliate_conversation, affiliate_message`)

  const affiliates = Array.from({ length: count }, (_, i) => {
    const n = i + 1
    const id = `aff_${prefix}_${n}`
    const name = `${prefix} Partner ${n}`
    const skipped = n % 10 === 0 ? "messaging_disabled" : n % 20 === 7 ? "no_members" : null
    const notified = skipped ? [] : [...(n % 4 === 0 ? [`o${n}@${domain}`] : []), ...(n % 8 === 0 ? [`s${n}@${domain}`] : [])]
    return { n, id, name, skipped, notified }
  })
  return {
    groups: { open, closed },
    affiliates,
    eligible: affiliates.filter((a) => !a.skipped),
    skipped: affiliates.filter((a) => a.skipped),
    suspendedIds: Array.from({ length: suspended }, (_, i) => `aff_${prefix}_${count + i + 1}`),
  }
}

export type BroadcastAudience = Awaited<ReturnType<typeof seedBroadcastAudience>>
