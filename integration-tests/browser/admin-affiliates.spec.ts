import type { Locator, Page } from "playwright-core"
import { ADMIN_HOST_INBOUND_SECRET, AdminApp, startAdminApp } from "../helpers/admin-app"
import { describeWithChromium, eventually, loginToAdmin, shot, sidebar, watchPage } from "../helpers/admin-browser"
import { launchChromium } from "../helpers/browser"
import { AFFILIATE_PASSWORD, MemberSession, StoreProgram, connectToStore } from "../helpers/store-affiliate"

/**
 * The merchant's Affiliates, Affiliate groups and Affiliate messaging
 * settings pages in real Chromium, against a store that installed the packed
 * plugin (`medusa build` + `medusa start`). Affiliates act through the store
 * API (sign-ups, invites accepted, messages); the merchant only through the
 * dashboard. The admin API only checks what the dashboard wrote.
 */
jest.setTimeout(120_000)

describeWithChromium("admin Affiliates pages, in Chromium", () => {
  let app: AdminApp
  let store: StoreProgram
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let watcher: ReturnType<typeof watchPage>
  let adminUserId: string
  let creators: { id: string }
  let coupons: { id: string }
  let northwind: MemberSession
  let ben: MemberSession
  let dealHub: MemberSession
  let pendingCo: MemberSession

  const affiliatesPage = (query = "") => page.goto(`${app.adminUrl}/affiliates${query}`)
  const detailPage = (affiliateId: string) => page.goto(`${app.adminUrl}/affiliates/${affiliateId}`)
  const row = (text: string) => page.getByRole("row").filter({ hasText: text })
  const heading = (name: string) => page.getByRole("heading", { level: 1, name, exact: true })
  /** The "…" menu beside a detail page's title (affiliate or group). */
  const headerMenu = (title: string) =>
    heading(title).locator("xpath=following-sibling::div[1]//button[@aria-haspopup='menu']")
  /** JSON-encoded filter in the URL, as the dashboard's DataTable keeps it. */
  const filterParam = (name: string, values: string[]) => `${name}=${encodeURIComponent(JSON.stringify(values))}`
  const adminGet = async (route: string) => {
    const { status, data } = await store.request("GET", route, { headers: store.admin })
    expect(status).toBe(200)
    return data
  }
  const affiliate = async (id: string) => (await adminGet(`/admin/affiliates/${id}`)).affiliate
  const group = async (id: string) => (await adminGet(`/admin/affiliate-groups/${id}`)).affiliate_group
  const messagingSettings = async () => (await adminGet("/admin/messaging/settings")).settings
  const xssFired = () => page.evaluate(() => (window as any).__xss)
  /**
   * A select of a dashboard form, by its label. The dashboard's Form.Control
   * gives its id to the Radix Select root, which renders nothing, so the
   * trigger has no accessible name (Medusa's own forms alike): found from the
   * label's form item instead.
   */
  const choose = async (scope: Locator, label: string, option: string) => {
    await scope
      .locator("label")
      .filter({ hasText: new RegExp(`^${label}`) })
      .locator("xpath=ancestor::div[.//button[@role='combobox']][1]")
      .getByRole("combobox")
      .click()
    await page.getByRole("option", { name: option, exact: true }).click()
  }
  /** A status change from the detail page's menu, confirmed in the prompt. */
  const changeStatus = async (name: string, action: string, screenshot?: string) => {
    await headerMenu(name).click()
    await page.getByRole("menuitem", { name: action }).click()
    const prompt = page.getByRole("alertdialog", { name: `${action} ${name}?` })
    await prompt.waitFor()
    if (screenshot) await shot(page, screenshot)
    await prompt.getByRole("button", { name: action }).click()
    await prompt.waitFor({ state: "detached" })
  }

  beforeAll(async () => {
    app = await startAdminApp()
    store = await connectToStore(app)
    adminUserId = (await store.request("GET", "/admin/users/me", { headers: store.admin })).data.user.id
    // fixtures, made as in the Messages suite (groups and approved teams over the API);
    // everything under test below is done in the dashboard
    const makeGroup = async (name: string) =>
      (await store.request("POST", "/admin/affiliate-groups", { headers: store.admin, body: { name } })).data
        .affiliate_group
    creators = await makeGroup("Creators")
    coupons = await makeGroup("Coupon sites")
    northwind = await store.activeTeam("Northwind Media", "ann@northwind.test", { group_id: creators.id })
    ben = await store.inviteMember(northwind.affiliate_id, "ben@northwind.test", "Ben")
    dealHub = await store.activeTeam("Deal Hub", "dan@dealhub.test", { group_id: coupons.id })
    pendingCo = (await store.signUp({ name: "Pending Co", email: "pat@pending.test", first_name: "Pat" })).session

    browser = await launchChromium()
    page = await browser.context.newPage()
    // the refused duplicates (affiliate email, group name) answer 422; anything else is a problem
    watcher = watchPage(page, { ignore: [/status of 422/] })
    await loginToAdmin(page, app)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it("adds Affiliates to the side bar: lists, searches on the server, filters and opens affiliates", async () => {
    await sidebar(page).getByRole("link", { name: "Affiliates", exact: true }).click()
    await heading("Affiliates").waitFor()
    for (const name of ["Northwind Media", "Deal Hub", "Pending Co"]) await row(name).waitFor()
    await row("Northwind Media").getByText("Creators").waitFor()
    await row("Pending Co").getByText("Pending", { exact: true }).waitFor()
    await shot(page, "affiliates-list")

    // search: the server answers `q` (nothing is filtered in the page)
    const searched = page.waitForResponse(
      (res) => /\/admin\/affiliates\?/.test(res.url()) && new URL(res.url()).searchParams.get("q") === "northw"
    )
    await page.getByRole("searchbox", { name: "Search" }).fill("northw")
    expect((await searched).status()).toBe(200)
    await page.waitForURL(/[?&]q=northw/)
    await row("Northwind Media").waitFor()
    await eventually(async () => expect(await row("Deal Hub").count()).toBe(0))
    expect(await row("Pending Co").count()).toBe(0)
    await shot(page, "affiliates-list-search")
    await page.getByRole("searchbox", { name: "Search" }).fill("")
    await row("Deal Hub").waitFor()

    // the filter menu offers status, group (the store's groups, from the server) and manager
    await page.locator("main button[aria-haspopup='menu']").first().click()
    for (const filter of ["Status", "Group", "Manager"]) await page.getByRole("menuitem", { name: filter }).waitFor()
    await page.getByRole("menuitem", { name: "Group" }).click()
    const options = page.getByRole("dialog")
    await options.getByRole("button", { name: "Creators", exact: true }).waitFor()
    await options.getByRole("button", { name: "Coupon sites", exact: true }).waitFor()
    await shot(page, "affiliates-list-filter-menu")
    // Choosing in that popover is left out: in Medusa UI's DataTable the new
    // filter's popover loses its anchor once it has a value and then, at
    // random, stays open (modal, hiding the table) or drops the filter when
    // dismissed. The filters are applied through the URL the menu writes
    // (JSON arrays), as the Messages suite does.
    await affiliatesPage(`?${filterParam("status", ["pending"])}`)
    await row("Pending Co").waitFor()
    await eventually(async () => expect(await row("Northwind Media").count()).toBe(0))
    expect(await row("Deal Hub").count()).toBe(0)
    await shot(page, "affiliates-list-filter-status")

    await affiliatesPage(`?${filterParam("group_id", [creators.id])}`)
    await row("Northwind Media").waitFor()
    await eventually(async () => expect(await row("Deal Hub").count()).toBe(0))
    expect(await row("Pending Co").count()).toBe(0)
    await shot(page, "affiliates-list-filter-group")

    await row("Northwind Media").click()
    await page.waitForURL(new RegExp(`/affiliates/${northwind.affiliate_id}$`))
    await heading("Northwind Media").waitFor()
    await page.getByRole("link", { name: "Creators" }).waitFor()
    await page.getByRole("row").filter({ hasText: "ben@northwind.test" }).waitFor()
    await shot(page, "affiliates-detail")
  })

  it("Create: a duplicate email shows the server's message on the field; success opens the new affiliate", async () => {
    await affiliatesPage()
    await page.getByRole("link", { name: "Create", exact: true }).click()
    const modal = page.getByRole("dialog", { name: "Create affiliate" })
    await modal.getByRole("heading", { name: "Create affiliate" }).waitFor()
    await modal.getByRole("textbox", { name: "Name" }).fill("Acme Reviews")
    await modal.getByRole("textbox", { name: "Email" }).fill("ANN@northwind.test")
    await modal.getByRole("button", { name: "Create", exact: true }).click()

    // the very text the API answers to a taken email
    const refused = await store.request("POST", "/admin/affiliates", {
      headers: store.admin,
      body: { name: "Probe", email: "ann@northwind.test" },
    })
    expect(refused.status).toBe(422)
    await modal.getByText(refused.data.message, { exact: true }).waitFor()
    expect(await modal.getByRole("textbox", { name: "Email" }).getAttribute("aria-invalid")).toBe("true")
    await shot(page, "affiliates-create-duplicate-email")

    await modal.getByRole("textbox", { name: "Email" }).fill("hello@acme-reviews.test")
    await choose(modal, "Group", "Creators")
    await choose(modal, "Manager", app.adminEmail)
    await shot(page, "affiliates-create-filled")
    await modal.getByRole("button", { name: "Create", exact: true }).click()

    await page.waitForURL(/\/affiliates\/aff_[^/?]+$/)
    const createdId = new URL(page.url()).pathname.split("/").pop()!
    await heading("Acme Reviews").waitFor()
    await page.getByRole("link", { name: "Creators" }).waitFor()
    await page.locator("main").getByText(app.adminEmail, { exact: true }).waitFor()

    const { affiliates } = await adminGet(`/admin/affiliates?q=${encodeURIComponent("acme-reviews")}`)
    expect(affiliates).toEqual([
      expect.objectContaining({
        id: createdId,
        name: "Acme Reviews",
        email: "hello@acme-reviews.test",
        status: "active",
        group_id: creators.id,
        manager_id: adminUserId,
      }),
    ])
  })

  it("Detail: approves a sign-up, suspends and reactivates it, each after a prompt", async () => {
    await detailPage(pendingCo.affiliate_id)
    await heading("Pending Co").waitFor()
    const badge = heading("Pending Co").locator("xpath=following-sibling::div[1]")

    await badge.getByText("Pending", { exact: true }).waitFor()
    await changeStatus("Pending Co", "Approve", "affiliates-approve-prompt")
    await eventually(async () => expect((await affiliate(pendingCo.affiliate_id)).status).toBe("active"))
    await badge.getByText("Active", { exact: true }).waitFor()

    await changeStatus("Pending Co", "Suspend")
    await eventually(async () => expect((await affiliate(pendingCo.affiliate_id)).status).toBe("suspended"))
    await badge.getByText("Suspended", { exact: true }).waitFor()
    // a suspended team takes no new members, and its threads are read-only
    expect(await page.getByRole("button", { name: "Invite member" }).isDisabled()).toBe(true)
    await page.getByText("Read-only", { exact: true }).waitFor()
    await shot(page, "affiliates-detail-suspended")

    await changeStatus("Pending Co", "Reactivate")
    await eventually(async () => expect((await affiliate(pendingCo.affiliate_id)).status).toBe("active"))
    await badge.getByText("Active", { exact: true }).waitFor()
  })

  it("Detail: the Edit drawer changes group and manager", async () => {
    await detailPage(pendingCo.affiliate_id)
    await headerMenu("Pending Co").click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    await page.waitForURL(/\/edit$/)
    const drawer = page.getByRole("dialog", { name: "Edit affiliate" })
    await drawer.getByRole("textbox", { name: "Name" }).waitFor()
    await choose(drawer, "Group", "Coupon sites")
    await choose(drawer, "Manager", app.adminEmail)
    await shot(page, "affiliates-edit-drawer")
    await drawer.getByRole("button", { name: "Save" }).click()
    await drawer.waitFor({ state: "detached" })
    await page.waitForURL(new RegExp(`/affiliates/${pendingCo.affiliate_id}$`))

    const saved = await affiliate(pendingCo.affiliate_id)
    expect(saved).toMatchObject({ group_id: coupons.id, manager_id: adminUserId, name: "Pending Co" })
    await page.getByRole("link", { name: "Coupon sites" }).waitFor()
    await page.locator("main").getByText(app.adminEmail, { exact: true }).waitFor()
  })

  it("Invite member: a bad email is refused on the field; a good one shows the link, which the invitee accepts", async () => {
    await detailPage(northwind.affiliate_id)
    await page.getByRole("link", { name: "Invite member" }).click()
    const drawer = page.getByRole("dialog", { name: "Invite member" })
    const email = drawer.getByRole("textbox", { name: "Email" })
    await email.fill("cara at northwind")
    await drawer.getByRole("button", { name: "Send invite" }).click()
    await drawer.getByText("Enter a valid email address").waitFor()
    expect(await email.getAttribute("aria-invalid")).toBe("true")
    await shot(page, "affiliates-invite-invalid")

    await email.fill("cara@northwind.test")
    await drawer.getByRole("button", { name: "Send invite" }).click()
    const link = drawer.getByRole("textbox", { name: "Invite link" })
    await link.waitFor()
    const acceptUrl = await link.inputValue()
    expect(acceptUrl).toMatch(/\/affiliate\/invite\?token=.{20,}$/)
    // what the copy button puts on the clipboard, read from the copy event's selection
    // (its "Copied" tooltip lasts 2 s, which a loaded machine can miss); in the capture
    // phase: copy-to-clipboard stops the event's propagation at its own element
    await page.evaluate(() =>
      document.addEventListener("copy", () => ((window as any).__copied = document.getSelection()?.toString()), {
        once: true,
        capture: true,
      })
    )
    await drawer.getByRole("button", { name: "Copy code snippet" }).click()
    await eventually(async () => expect(await page.evaluate(() => (window as any).__copied)).toBe(acceptUrl))
    await shot(page, "affiliates-invite-sent")

    // the invitee signs up with the link's token, as the storefront does
    const token = new URL(acceptUrl).searchParams.get("token")
    const registration = await store.request("POST", "/auth/affiliate/emailpass/register", {
      body: { email: "cara@northwind.test", password: AFFILIATE_PASSWORD },
    })
    expect(registration.status).toBe(200)
    const accepted = await store.request("POST", "/store/affiliates/invites/accept", {
      headers: { authorization: `Bearer ${registration.data.token}`, "x-publishable-api-key": app.publishableKey },
      body: { token, first_name: "Cara" },
    })
    expect(accepted.status).toBe(200)
    const { members } = await adminGet(`/admin/affiliates/${northwind.affiliate_id}/members`)
    expect(members).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: "cara@northwind.test", role: "member" })])
    )

    await drawer.getByRole("button", { name: "Done" }).click()
    await drawer.waitFor({ state: "detached" })
    await page.reload()
    await page.getByRole("row").filter({ hasText: "cara@northwind.test" }).getByRole("cell", { name: "Cara", exact: true }).waitFor()
  })

  it("Message team / Message member open the existing thread, else New message for that audience", async () => {
    const messageTeam = () => page.getByRole("button", { name: "Message team" }).click()
    const messageMember = async (email: string) => {
      await page.getByRole("row").filter({ hasText: email }).getByRole("button").click()
      await page.getByRole("menuitem", { name: "Message member" }).click()
    }

    await detailPage(northwind.affiliate_id)
    await messageTeam()
    await page.waitForURL(new RegExp(`/messages/create\\?affiliate_id=${northwind.affiliate_id}$`))
    await page.getByTestId("picked-affiliate").getByText("Northwind Media").waitFor()
    expect(await page.getByRole("radio", { name: /Whole team/ }).isChecked()).toBe(true)
    await shot(page, "affiliates-message-team-new")

    const team = await store.affiliateWrites(northwind, "Hi! Where do we find the spring campaign assets?")
    await detailPage(northwind.affiliate_id)
    await messageTeam()
    await page.waitForURL(new RegExp(`/messages/${team.conversation.id}$`))
    await page.getByTestId("message-body").filter({ hasText: "spring campaign assets" }).waitFor()

    await detailPage(northwind.affiliate_id)
    await messageMember("ben@northwind.test")
    await page.waitForURL(
      new RegExp(`/messages/create\\?affiliate_id=${northwind.affiliate_id}&member_id=${ben.member_id}$`)
    )
    await page.getByTestId("picked-affiliate").getByText("Northwind Media").waitFor()
    expect(await page.getByRole("radio", { name: /One member/ }).isChecked()).toBe(true)
    await page.getByRole("combobox", { name: "Member" }).getByText(/ben@northwind\.test/).waitFor()
    await shot(page, "affiliates-message-member-new")

    const own = await store.affiliateWrites(ben, "Just between us: can I get my own coupon code?", "member")
    await detailPage(northwind.affiliate_id)
    await messageMember("ben@northwind.test")
    await page.waitForURL(new RegExp(`/messages/${own.conversation.id}$`))
    await page.getByTestId("message-body").filter({ hasText: "my own coupon code" }).waitFor()
  })

  it("Groups: lists, creates (duplicate name refused on the field), switches messaging off, edits its message, deletes", async () => {
    await affiliatesPage()
    await page.getByRole("link", { name: "Groups", exact: true }).click()
    await page.waitForURL(/\/affiliates\/groups$/)
    await page.getByRole("heading", { name: "Affiliate groups" }).waitFor()
    await row("Creators").waitFor()
    await row("Coupon sites").waitFor()
    await shot(page, "affiliates-groups-list")

    await page.getByRole("link", { name: "Create", exact: true }).click()
    const modal = page.getByRole("dialog", { name: "Create affiliate group" })
    await modal.getByRole("textbox", { name: "Name" }).fill("Creators")
    await modal.getByRole("button", { name: "Create", exact: true }).click()
    const refused = await store.request("POST", "/admin/affiliate-groups", {
      headers: store.admin,
      body: { name: "Creators" },
    })
    expect(refused.status).toBe(422)
    await modal.getByText(refused.data.message, { exact: true }).waitFor()
    await shot(page, "affiliates-group-create-duplicate")
    await modal.getByRole("textbox", { name: "Name" }).fill("Influencers")
    await modal.getByRole("button", { name: "Create", exact: true }).click()
    await page.waitForURL(/\/affiliates\/groups\/affgrp_[^/?]+$/)
    const influencersId = new URL(page.url()).pathname.split("/").pop()!
    await heading("Influencers").waitFor()
    expect(await group(influencersId)).toMatchObject({ name: "Influencers", messaging_enabled: true })

    // Deal Hub joins it from its Edit drawer, and writes to the store
    await page.goto(`${app.adminUrl}/affiliates/${dealHub.affiliate_id}/edit`)
    const drawer = page.getByRole("dialog", { name: "Edit affiliate" })
    await choose(drawer, "Group", "Influencers")
    await drawer.getByRole("button", { name: "Save" }).click()
    await drawer.waitFor({ state: "detached" })
    expect((await affiliate(dealHub.affiliate_id)).group_id).toBe(influencersId)
    const { conversation } = await store.affiliateWrites(dealHub, "Can we get a feed of this week's deals?")

    await page.getByRole("link", { name: "Influencers" }).click()
    await heading("Influencers").waitFor()
    await row("Deal Hub").waitFor()

    // the switch saves at once
    const messaging = page.getByRole("switch", { name: "Messaging" })
    expect(await messaging.isChecked()).toBe(true)
    await messaging.click()
    await eventually(async () => expect((await group(influencersId)).messaging_enabled).toBe(false))
    await eventually(async () => expect(await messaging.isChecked()).toBe(false))
    await heading("Influencers").locator("xpath=following-sibling::div[1]").getByText("Off", { exact: true }).waitFor()

    const text = "Influencer partners: please email partners@example.com while we move to a new tool."
    await headerMenu("Influencers").click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const edit = page.getByRole("dialog", { name: "Edit group" })
    await edit.getByRole("textbox", { name: /Message when messaging is off/ }).fill(text)
    await shot(page, "affiliates-group-edit-drawer")
    await edit.getByRole("button", { name: "Save" }).click()
    await edit.waitFor({ state: "detached" })
    await eventually(async () => expect((await group(influencersId)).messaging_disabled_message).toBe(text))
    await page.getByText(text, { exact: true }).waitFor()
    await shot(page, "affiliates-group-detail-off")

    // the thread with an affiliate of that group says why the store cannot write
    await page.goto(`${app.adminUrl}/messages/${conversation.id}`)
    const unavailable = page.getByTestId("composer-unavailable")
    await unavailable.getByText('Messaging is off for the group "Influencers"').waitFor()
    await unavailable.getByText(text, { exact: false }).waitFor()
    expect(await page.getByTestId("message-composer").count()).toBe(0)
    await shot(page, "affiliates-group-thread-unavailable")

    await page.goto(`${app.adminUrl}/affiliates/groups/${influencersId}`)
    await headerMenu("Influencers").click()
    await page.getByRole("menuitem", { name: "Delete" }).click()
    const prompt = page.getByRole("alertdialog", { name: "Delete Influencers?" })
    await prompt.waitFor()
    await shot(page, "affiliates-group-delete-prompt")
    await prompt.getByRole("button", { name: "Delete" }).click()
    await page.waitForURL(/\/affiliates\/groups$/)
    await row("Creators").waitFor()
    expect(await row("Influencers").count()).toBe(0)
    expect((await store.request("GET", `/admin/affiliate-groups/${influencersId}`, { headers: store.admin })).status).toBe(
      404
    )
    await eventually(async () => expect((await affiliate(dealHub.affiliate_id)).group_id).toBeNull())
  })

  it("Settings: switches messaging off and on, and saves notification emails", async () => {
    await page.goto(`${app.adminUrl}/settings`)
    await page.getByRole("link", { name: "Affiliate messaging" }).click()
    await page.waitForURL(/\/settings\/affiliate-messaging$/)
    const enabled = page.getByRole("switch", { name: "Messaging enabled" })
    expect(await enabled.isChecked()).toBe(true)

    await enabled.click()
    await eventually(async () => expect((await messagingSettings()).enabled).toBe(false))
    await eventually(async () => expect(await enabled.isChecked()).toBe(false))
    await shot(page, "affiliates-settings-off")
    await enabled.click()
    await eventually(async () => expect((await messagingSettings()).enabled).toBe(true))
    await eventually(async () => expect(await enabled.isChecked()).toBe(true))

    const input = page.getByRole("textbox", { name: "Email address to add" })
    await input.fill("partners at example")
    await page.getByRole("button", { name: "Add" }).click()
    await page.getByText("Enter a valid email address").waitFor()
    expect(await input.getAttribute("aria-invalid")).toBe("true")
    await shot(page, "affiliates-settings-invalid-email")

    await input.fill("Partners@Example.com")
    await page.getByRole("button", { name: "Add" }).click()
    await page.getByRole("listitem").filter({ hasText: "partners@example.com" }).waitFor()
    expect(await input.inputValue()).toBe("")
    await page.getByRole("button", { name: "Save" }).click()
    await eventually(async () =>
      expect((await messagingSettings()).notification_emails).toEqual(["partners@example.com"])
    )
    await eventually(async () => expect(await page.getByRole("button", { name: "Save" }).isDisabled()).toBe(true))
    await shot(page, "affiliates-settings-saved")
  })

  it("Settings → Inbound email lists received emails with the reason in words", async () => {
    const received = await fetch(`${app.backendUrl}/hooks/affiliate-messaging/email`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_HOST_INBOUND_SECRET}`, "content-type": "message/rfc822" },
      body: `From: ann@northwind.test\r\nTo: reply+${"0".repeat(26)}@inbound.browser.test\r\nSubject: Re: hi\r\nMessage-ID: <browser-1@northwind.test>\r\n\r\nThanks\r\n`,
    }).then((res) => res.json())
    expect(received.status).toBe("received")
    await eventually(async () =>
      expect((await adminGet("/admin/messaging/inbound-emails")).inbound_emails[0]).toMatchObject({ status: "refused" })
    )
    await page.goto(`${app.adminUrl}/settings/affiliate-messaging`)
    await page.getByRole("link", { name: "Inbound email" }).click()
    await page.waitForURL(/\/settings\/affiliate-messaging\/inbound-email$/)
    const entry = row("ann@northwind.test")
    await entry.waitFor()
    expect(await entry.textContent()).toContain("Refused")
    expect(await entry.textContent()).toContain("Not sent to a valid reply address")
    expect(await entry.getByRole("button", { name: "Retry" }).count()).toBe(0)
    await shot(page, "settings-inbound-email")
  })

  it("shows an affiliate's markup in its name as text, never as HTML", async () => {
    const name = `<img src=x onerror="window.__xss=1"> Studio`
    const { affiliate: signedUp } = await store.signUp({ name, email: "xss@studio.test", first_name: "Eve" })
    await affiliatesPage()
    const cell = row("<img src=x onerror").getByRole("cell").first()
    await cell.waitFor()
    expect(await cell.textContent()).toBe(name)
    expect(await row("<img src=x onerror").locator("img").count()).toBe(0)
    expect(await xssFired()).toBeUndefined()
    await shot(page, "affiliates-xss-list")

    await row("<img src=x onerror").click()
    await page.waitForURL(new RegExp(`/affiliates/${signedUp.id}$`))
    await heading(name).waitFor()
    expect(await page.locator("main img").count()).toBe(0)
    expect(await xssFired()).toBeUndefined()
    await shot(page, "affiliates-xss-detail")
  })

  it("no page errors, console errors or failed requests", () => {
    expect(watcher.problems()).toEqual([])
  })
})
