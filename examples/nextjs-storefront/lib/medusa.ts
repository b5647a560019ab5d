import { cookies } from "next/headers"
import { DEFAULT_TOKEN_COOKIE } from "medusa-plugin-affiliate-messaging-storefront/server"

/** As in Medusa's Next.js starter: the backend and publishable key come from the server's environment. */
const MEDUSA_BACKEND_URL = process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000"
const MEDUSA_PUBLISHABLE_KEY = process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY ?? ""

/** The logged-in member's token, from its httpOnly cookie (never readable by the page's scripts). */
export async function affiliateToken(): Promise<string | null> {
  return (await cookies()).get(DEFAULT_TOKEN_COOKIE)?.value ?? null
}

/** A server component's call to a `/store` route: the publishable key and, when logged in, the member's token. */
export async function storeFetch<T>(path: string): Promise<T | null> {
  const token = await affiliateToken()
  const response = await fetch(`${MEDUSA_BACKEND_URL}${path}`, {
    headers: {
      "x-publishable-api-key": MEDUSA_PUBLISHABLE_KEY,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    cache: "no-store",
  })
  return response.ok ? ((await response.json()) as T) : null
}
