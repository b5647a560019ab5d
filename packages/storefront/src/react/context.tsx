"use client"
import { createContext, useContext, type ReactNode } from "react"
import type { AffiliateMessagingClient } from "../client/index.js"

const ClientContext = createContext<AffiliateMessagingClient | null>(null)

/**
 * Makes a client available to the components below it, so they can be used
 * without a `client` prop. A `client` prop still wins where given.
 */
export function AffiliateMessagingProvider({
  client,
  children,
}: {
  client: AffiliateMessagingClient
  children?: ReactNode
}) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
}

/** The client passed in, else the one from `AffiliateMessagingProvider`. */
export function useAffiliateMessagingClient(client?: AffiliateMessagingClient | null): AffiliateMessagingClient {
  const fromContext = useContext(ClientContext)
  const resolved = client ?? fromContext
  if (!resolved) {
    throw new Error(
      "medusa-plugin-affiliate-messaging/react: pass a `client` prop or wrap the component in <AffiliateMessagingProvider client={…}>"
    )
  }
  return resolved
}
