/** Fixed demo facts: the logins printed by `npm run demo` and its info file. */
export const DEMO_ADMIN = {
  email: "admin@demo-outfitters.test",
  password: "demo-admin-password",
}

export const AFFILIATE_PASSWORD = "affiliate-demo-password"

export const DEMO_GROUPS = [
  { key: "creators", name: "Creators" },
  { key: "agencies", name: "Agencies" },
  {
    key: "coupons",
    name: "Coupon sites",
    messaging_enabled: false,
    messaging_disabled_message:
      "Messaging is paused for coupon partners. Please email partners@demo-outfitters.test instead.",
  },
] as const

type GroupKey = (typeof DEMO_GROUPS)[number]["key"]

/** The four logins, in the order the demo contract lists them. */
export const DEMO_LOGINS = [
  { email: "ann@northwind.test", first_name: "Ann", last_name: "Novak", team: "northwind" },
  { email: "ben@northwind.test", first_name: "Ben", last_name: "Okafor", team: "northwind" },
  { email: "cara@bluepeak.test", first_name: "Cara", last_name: "Lind", team: "bluepeak" },
  { email: "dan@dealhub.test", first_name: "Dan", last_name: "Moreau", team: "dealhub" },
] as const

export const LOGIN_TEAMS: Record<
  string,
  { name: string; email: string; group: GroupKey; managedByAdmin: boolean }
> = {
  northwind: { name: "Northwind Media", email: "team@northwind.test", group: "creators", managedByAdmin: false },
  bluepeak: { name: "Blue Peak Reviews", email: "hello@bluepeak.test", group: "agencies", managedByAdmin: true },
  dealhub: { name: "Deal Hub", email: "partners@dealhub.test", group: "coupons", managedByAdmin: false },
}

const STATUSES = ["active", "pending", "declined", "suspended"] as const
const NAMES = [
  "Trailhead Journal", "Urban Nomad", "Gear Guru", "Summit Stories", "Coastline Co",
  "Pixel Peaks", "Fjord & Field", "Campfire Cast", "Ridge Runner", "Wander Weekly",
  "Alpine Atlas", "Basecamp Blog", "Northern Lights Lab", "Tidewater Trips",
  "Meadow Media", "Granite Guides", "Outpost Online", "Canyon Creators",
  "Evergreen Edits", "Harbor Hikes",
]

/** Twenty more teams, cycling through every status and group, with one or two members each. */
export const OTHER_TEAMS = NAMES.map((name, i) => {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, "")
  const groups: (GroupKey | null)[] = ["creators", "agencies", "coupons", null]
  return {
    name,
    email: `team@${slug}.test`,
    status: STATUSES[i % STATUSES.length],
    group: groups[i % groups.length],
    members: [
      { email: `owner@${slug}.test`, first_name: name.split(" ")[0], last_name: "Owner", role: "owner" as const },
      ...(i % 3 === 0
        ? [{ email: `crew@${slug}.test`, first_name: "Crew", last_name: name.split(" ")[0], role: "member" as const }]
        : []),
    ],
  }
})
