import Link from "next/link"
import type { ReactNode } from "react"
import { affiliateToken } from "@/lib/medusa"
import { MessagesCount } from "./affiliate/messages-tab"

export const metadata = { title: "Northwind storefront" }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const loggedIn = Boolean(await affiliateToken())
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0 }}>
        <nav style={{ display: "flex", gap: 16, alignItems: "center", padding: "12px 24px", borderBottom: "1px solid #e5e7eb" }}>
          <Link href="/">Store</Link>
          <Link href="/affiliate/messages" data-testid="nav-messages">
            Messages {loggedIn && <MessagesCount />}
          </Link>
          {!loggedIn && <Link href="/affiliate/login">Affiliate login</Link>}
        </nav>
        <main style={{ padding: 24 }}>{children}</main>
      </body>
    </html>
  )
}
