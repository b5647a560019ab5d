import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createUserAccountWorkflow,
} from "@medusajs/medusa/core-flows"
import fs from "fs"
import {
  acceptAffiliateInviteWorkflow,
  createAffiliateGroupsWorkflow,
  createAffiliateInviteWorkflow,
  createAffiliatesWorkflow,
  registerAffiliateWorkflow,
  updateAffiliatesWorkflow,
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

  const { result: groups } = await createAffiliateGroupsWorkflow(container).run({
    input: { groups: DEMO_GROUPS.map(({ key, ...group }) => group) },
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
          token: invite.token,
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
  await affiliateModule.createAffiliateMembers(
    OTHER_TEAMS.flatMap((team, i) =>
      team.members.map((member) => ({ ...member, affiliate_id: others[i].id }))
    )
  )
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
