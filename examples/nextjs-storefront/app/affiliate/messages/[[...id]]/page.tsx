import type { StoreAffiliateAccountResponse } from "medusa-plugin-affiliate-messaging-storefront"
import { redirect } from "next/navigation"
import { storeFetch } from "@/lib/medusa"
import { logOut } from "../../actions"
import { MessagesTab } from "../../messages-tab"

/** The account's Messages tab; `/affiliate/messages/<conversation id>` is the link in affiliate emails. */
export default async function MessagesPage({ params }: { params: Promise<{ id?: string[] }> }) {
  const account = await storeFetch<StoreAffiliateAccountResponse>("/store/affiliates/me")
  if (!account) redirect("/affiliate/login")
  const { id } = await params
  return (
    <section>
      <header style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <p data-testid="account">
          {account.member.first_name} {account.member.last_name}, {account.affiliate.name}
        </p>
        <form action={logOut}>
          <button type="submit">Log out</button>
        </form>
      </header>
      <MessagesTab conversationId={id?.[0]} />
    </section>
  )
}
