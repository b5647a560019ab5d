import type { MedusaContainer } from "@medusajs/framework/types"
import { createCustomer, registerAffiliateIdentity } from "../helpers/actors"
import { pngUpload } from "../helpers/fixtures"
import type { HttpClient } from "../helpers/http-client"
import { uploadMultipart } from "../helpers/multipart"
import { createProgram, MemberLogin } from "../helpers/program"

/** What one conversation of the seed is made of. */
export type SeededThread = { conversation: string; message: string; attachment: string }

/**
 * Whose data a string belongs to. Each owner's strings must never reach a
 * caller that cannot see that owner's data.
 */
export type SecretOwner = "teamA" | "threadA2" | "teamB" | "teamS" | "teamD" | "adminOnly"

/**
 * A store with every kind of actor the reliability suites play, built
 * through the real API: team A (owner a1, invited a2 with a private member
 * thread), team B, a suspended team S and a declined team D, each thread
 * with a sent attachment; unsent uploads of a2 and b1; a group; a storefront
 * customer; an affiliate identity not yet signed up, and an impostor's
 * (x@evil.test, which must not sign up as someone else). Names and bodies carry
 * a per-run marker so a leak is a plain substring match.
 */
export async function seedWorld(http: HttpClient, container: MedusaContainer, baseUrl: string) {
  const program = await createProgram(http, container)
  const admin = program.admin
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const marker = (owner: string) => `MARK${owner}x${run}`
  const ok = (res: { status: number; data: any }, what: string) => {
    if (res.status >= 300) {
      throw new Error(`seeding ${what}: ${res.status} ${JSON.stringify(res.data)}`)
    }
    return res.data
  }

  const upload = async (side: "admin" | "store", headers: Record<string, string>, filename: string) => {
    const path = side === "admin" ? "/admin/messaging/attachments" : "/store/affiliates/me/attachments"
    const res = await uploadMultipart(`${baseUrl}${path}`, headers, pngUpload(filename))
    return ok(res, `upload ${filename}`).attachments[0].id as string
  }
  const ownerThread = async (affiliateId: string, text: string): Promise<SeededThread> => {
    const attachment = await upload("admin", admin.headers, `${text}.png`)
    const sent = ok(
      await http.post("/admin/conversations", { affiliate_id: affiliateId, body: text, attachment_ids: [attachment] }, admin.headers),
      `thread of ${affiliateId}`
    )
    return { conversation: sent.conversation.id, message: sent.message.id, attachment }
  }
  const memberThread = async (member: MemberLogin, audience: "team" | "member", text: string): Promise<SeededThread> => {
    const attachment = await upload("store", member.headers, `${text}.png`)
    const sent = ok(
      await http.post("/store/affiliates/me/conversations", { body: text, audience, attachment_ids: [attachment] }, member.headers),
      `thread of ${member.member_id}`
    )
    return { conversation: sent.conversation.id, message: sent.message.id, attachment }
  }

  const a1 = await program.team(`Alpha ${marker("A")}`, `a1-${run}@alpha.test`)
  const a2 = await program.member(a1.affiliate_id, `a2-${run}@alpha.test`)
  const b1 = await program.team(`Bravo ${marker("B")}`, `b1-${run}@bravo.test`)
  const s1 = await program.team(`Sierra ${marker("S")}`, `s1-${run}@sierra.test`)
  const d1 = await program.team(`Delta ${marker("D")}`, `d1-${run}@delta.test`)

  const threads = {
    teamA: await ownerThread(a1.affiliate_id, `teamA ${marker("A")}`),
    threadA2: await memberThread(a2, "member", `threadA2 ${marker("A2")}`),
    teamB: await memberThread(b1, "team", `teamB ${marker("B")}`),
    teamS: await ownerThread(s1.affiliate_id, `teamS ${marker("S")}`),
    teamD: await ownerThread(d1.affiliate_id, `teamD ${marker("D")}`),
  }
  const unsent = {
    a2: await upload("store", a2.headers, `unsentA2 ${marker("A2")}.png`),
    b1: await upload("store", b1.headers, `unsentB ${marker("B")}.png`),
  }
  await program.setStatus(s1.affiliate_id, "suspended")
  await program.setStatus(d1.affiliate_id, "declined")

  const group = ok(await http.post("/admin/affiliate-groups", { name: `Golf ${marker("G")}` }, admin.headers), "group")
    .affiliate_group.id as string
  // team A is managed by the admin, and its team thread starts with the admin's message: store answers
  // about it are where an admin user id could slip out
  ok(
    await http.post(
      `/admin/affiliates/${a1.affiliate_id}`,
      { metadata: { note: marker("Meta") }, manager_id: admin.user.id },
      admin.headers
    ),
    "admin metadata and manager"
  )
  const notificationEmail = `ops-${run}@store.test`
  ok(await http.post("/admin/messaging/settings", { notification_emails: [notificationEmail] }, admin.headers), "settings")

  const customer = await createCustomer(http, program.publishableKey, `shopper-${run}@customer.test`)
  const registration = await registerAffiliateIdentity(http, `newcomer-${run}@signup.test`)
  const impostorRegistration = await registerAffiliateIdentity(http, `x-${run}@evil.test`)

  const secrets: Record<SecretOwner, string[]> = {
    teamA: [marker("A"), ...Object.values(threads.teamA)],
    threadA2: [marker("A2"), ...Object.values(threads.threadA2), unsent.a2],
    teamB: [marker("B"), b1.affiliate_id, b1.member_id, ...Object.values(threads.teamB), unsent.b1],
    teamS: [marker("S"), s1.affiliate_id, s1.member_id, ...Object.values(threads.teamS)],
    teamD: [marker("D"), d1.affiliate_id, d1.member_id, ...Object.values(threads.teamD)],
    adminOnly: [marker("Meta"), marker("G"), group, notificationEmail],
  }

  return {
    run,
    admin,
    publishableKey: program.publishableKey,
    members: { a1, a2, b1, s1, d1 },
    affiliates: { a: a1.affiliate_id, b: b1.affiliate_id, s: s1.affiliate_id, d: d1.affiliate_id },
    threads,
    unsent,
    group,
    notificationEmail,
    customer,
    registrationToken: registration,
    impostorRegistrationToken: impostorRegistration,
    secrets,
  }
}

export type World = Awaited<ReturnType<typeof seedWorld>>
