import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createUserAccountWorkflow,
} from "@medusajs/medusa/core-flows"
import fs from "fs"
import { gradientPng, simplePdf } from "./demo-files"
import {
  acceptAffiliateInviteWorkflow,
  createAffiliateGroupsWorkflow,
  createAffiliateInviteWorkflow,
  createAffiliatesWorkflow,
  registerAffiliateWorkflow,
  sendAffiliateMessageWorkflow,
  sendOwnerMessageWorkflow,
  updateAffiliateGroupsWorkflow,
  updateAffiliatesWorkflow,
  uploadAttachmentsWorkflow,
} from "medusa-plugin-affiliate-messaging/workflows"
import {
  AFFILIATE_PASSWORD,
  DEMO_ADMIN,
  DEMO_GROUPS,
  DEMO_LOGINS,
  LOGIN_TEAMS,
  OTHER_TEAMS,
} from "./demo-data"

/**
 * Seeds the demo store through the plugin's own workflows, as a store's
 * script would. Idempotent: a second run only reads back what exists.
 * Writes what the demo prints to the file in DEMO_SEED_OUTPUT.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const users = await container.resolve(Modules.USER).listUsers({ email: DEMO_ADMIN.email })
  if (!users.length) {
    logger.info("Seeding the affiliate messaging demo…")
    await seed(container)
  } else {
    logger.info("Demo data already seeded")
  }
  const info = await collectInfo(container)
  if (process.env.DEMO_SEED_OUTPUT) {
    fs.writeFileSync(process.env.DEMO_SEED_OUTPUT, JSON.stringify(info, null, 2))
  }
}

async function registerIdentity(container: MedusaContainer, email: string, password: string) {
  const { success, authIdentity, error } = await container
    .resolve(Modules.AUTH)
    .register("emailpass", { body: { email, password } } as any)
  if (!success || !authIdentity) {
    throw new Error(`Could not register ${email}: ${error}`)
  }
  return authIdentity.id
}

async function seed(container: MedusaContainer) {
  const { result: admin } = await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: await registerIdentity(container, DEMO_ADMIN.email, DEMO_ADMIN.password),
      userData: { email: DEMO_ADMIN.email, first_name: "Demo", last_name: "Admin" },
    },
  })

  await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Demo storefront", type: "publishable", created_by: admin.id }] },
  })

  // every group starts enabled so the seeded history exists; the disabled one is switched off at the end
  const { result: groups } = await createAffiliateGroupsWorkflow(container).run({
    input: { groups: DEMO_GROUPS.map(({ key, ...group }) => ({ ...group, messaging_enabled: true })) },
  })
  const groupId = (key: string | null) =>
    key ? groups[DEMO_GROUPS.findIndex((g) => g.key === key)].id : null

  // The login teams sign up as affiliates do, then an admin approves them.
  const teamIds: Record<string, string> = {}
  for (const login of DEMO_LOGINS) {
    const team = LOGIN_TEAMS[login.team]
    const authIdentityId = await registerIdentity(container, login.email, AFFILIATE_PASSWORD)
    if (!teamIds[login.team]) {
      const { result } = await registerAffiliateWorkflow(container).run({
        input: {
          auth_identity_id: authIdentityId,
          name: team.name,
          email: login.email,
          first_name: login.first_name,
          last_name: login.last_name,
        },
      })
      teamIds[login.team] = result.affiliate.id
      await updateAffiliatesWorkflow(container).run({
        input: {
          updates: [
            {
              id: result.affiliate.id,
              email: team.email,
              status: "active",
              group_id: groupId(team.group),
              manager_id: team.managedByAdmin ? admin.id : null,
            },
          ],
        },
      })
    } else {
      const { result: invite } = await createAffiliateInviteWorkflow(container).run({
        input: { affiliate_id: teamIds[login.team], email: login.email },
      })
      await acceptAffiliateInviteWorkflow(container).run({
        input: {
          token: new URL(invite.accept_url).searchParams.get("token")!,
          auth_identity_id: authIdentityId,
          first_name: login.first_name,
          last_name: login.last_name,
        },
      })
    }
  }

  const { result: others } = await createAffiliatesWorkflow(container).run({
    input: {
      affiliates: OTHER_TEAMS.map((team, i) => ({
        name: team.name,
        email: team.email,
        status: team.status,
        group_id: groupId(team.group),
        manager_id: i % 5 === 0 ? admin.id : null,
      })),
    },
  })
  const affiliateModule = container.resolve<any>("affiliate")
  const otherMembers = await affiliateModule.createAffiliateMembers(
    OTHER_TEAMS.flatMap((team, i) =>
      team.members.map((member) => ({ ...member, affiliate_id: others[i].id }))
    )
  )

  const members = await loginMembers(container)
  await seedConversations(container, admin.id, teamIds, members, others, otherMembers)
  await updateAffiliateGroupsWorkflow(container).run({
    input: {
      updates: DEMO_GROUPS.filter((g) => "messaging_enabled" in g).map((g) => ({
        id: groupId(g.key)!,
        messaging_enabled: false,
      })),
    },
  })
}

/** Streams generated files into the File Module and records them as unsent uploads. */
async function upload(
  container: MedusaContainer,
  uploader: { type: "owner" | "affiliate"; id: string },
  files: { filename: string; mime: string; content: Buffer }[]
): Promise<string[]> {
  const fileModule = container.resolve(Modules.FILE)
  const stored: { file_id: string; filename: string; mime_type: string; size: number }[] = []
  for (const file of files) {
    const target = await fileModule.getUploadStream({ filename: file.filename, mimeType: file.mime, access: "private" } as any)
    target.writeStream.end(file.content)
    await target.promise
    stored.push({ file_id: target.fileKey, filename: file.filename, mime_type: file.mime, size: file.content.length })
  }
  const { result } = await uploadAttachmentsWorkflow(container).run({ input: { uploader, files: stored } })
  return result.map((attachment: { id: string }) => attachment.id)
}

async function loginMembers(container: MedusaContainer): Promise<Record<string, string>> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "affiliate_member",
    fields: ["id", "email"],
    filters: { email: DEMO_LOGINS.map((login) => login.email) },
  })
  return Object.fromEntries(data.map((m: any) => [m.email, m.id]))
}

/**
 * A living inbox: threads in both directions, team and member threads,
 * unread on both sides, and one long thread (Blue Peak, 220 messages).
 */
async function seedConversations(
  container: MedusaContainer,
  adminId: string,
  teamIds: Record<string, string>,
  members: Record<string, string>,
  others: { id: string; status: string }[],
  otherMembers: { id: string; affiliate_id: string }[]
) {
  const owner = (
    affiliate_id: string,
    body: string,
    member_id: string | null = null,
    attachment_ids: string[] = []
  ) =>
    sendOwnerMessageWorkflow(container).run({
      input: { user_id: adminId, affiliate_id, member_id, body, attachment_ids },
    })
  const affiliate = (
    affiliate_id: string,
    member_id: string,
    body: string,
    audience: "team" | "member" = "team"
  ) =>
    sendAffiliateMessageWorkflow(container).run({
      input: { affiliate_id, member_id, body, audience },
    })

  const northwind = teamIds.northwind
  await owner(northwind, "Welcome to the Demo Outfitters partner program! Your links are in the dashboard.")
  await affiliate(northwind, members["ann@northwind.test"], "Thanks! Can we get early access to the winter collection?")
  const lookbook = await upload(container, { type: "owner", id: adminId }, [
    { filename: "winter-lookbook.png", mime: "image/png", content: gradientPng() },
    { filename: "winter-terms.pdf", mime: "application/pdf", content: simplePdf(["Winter collection", "Affiliate terms", "Commission: 12%"]) },
  ])
  await owner(
    northwind,
    "Yes: samples ship next week. See https://demo-outfitters.test/winter for the lookbook.",
    null,
    lookbook
  )
  const draft = await upload(container, { type: "affiliate", id: members["ben@northwind.test"] }, [
    { filename: "post-draft.pdf", mime: "application/pdf", content: simplePdf(["Launch post draft", "Two posts, week 48"]) },
  ])
  await sendAffiliateMessageWorkflow(container).run({
    input: {
      affiliate_id: northwind,
      member_id: members["ben@northwind.test"],
      body: "Great, I'll plan two posts around the launch. Draft attached.",
      attachment_ids: draft,
    },
  })
  await owner(northwind, "Ann, your payout details need updating before Friday.", members["ann@northwind.test"])

  const bluepeak = teamIds.bluepeak
  const cara = members["cara@bluepeak.test"]
  for (let i = 1; i <= 110; i++) {
    await owner(bluepeak, `Weekly performance note #${i}: clicks are up ${i % 7}% week over week.`)
    await affiliate(bluepeak, cara, `Thanks for note #${i}, we'll adjust the review schedule.`)
  }
  await owner(bluepeak, "New seasonal codes are live; reply if you need custom ones.")

  await owner(teamIds.dealhub, "Your coupon feed is approved. Messaging for coupon partners will pause soon.")
  await affiliate(teamIds.dealhub, members["dan@dealhub.test"], "Understood, thanks for the heads-up.")

  const active = others.filter((team) => team.status === "active")
  for (const [i, team] of active.entries()) {
    const member = otherMembers.find((m) => m.affiliate_id === team.id)!
    if (i % 2) {
      await affiliate(team.id, member.id, "Hi! Is there a bonus tier for over 100 sales a month?")
    } else {
      await owner(team.id, "Activation reminder: share your first link to unlock the starter bonus.")
    }
  }
}

async function collectInfo(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["token"],
    filters: { type: "publishable", title: "Demo storefront" },
  })
  const { data: members } = await query.graph({
    entity: "affiliate_member",
    fields: ["id", "email", "affiliate_id", "affiliate.group_id"],
    filters: { email: DEMO_LOGINS.map((login) => login.email) },
  })
  return {
    admin_email: DEMO_ADMIN.email,
    admin_password: DEMO_ADMIN.password,
    publishable_key: keys[0]?.token,
    affiliates: DEMO_LOGINS.map((login) => {
      const member = members.find((m: any) => m.email === login.email)!
      return {
        email: login.email,
        password: AFFILIATE_PASSWORD,
        affiliate_id: member.affiliate_id,
        member_id: member.id,
        group_id: member.affiliate?.group_id ?? null,
      }
    }),
  }
}
