import type { ConfigModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The domain of `"Name" <user@domain>`, `user@domain` or `user+{token}@domain`. */
export function domainOfAddress(address: string | undefined | null): string | null {
  const match = address?.match(/@([A-Za-z0-9.-]+)>?\s*$/)
  return match ? match[1].toLowerCase() : null
}

type ProviderConfig = { options?: { channels?: string[]; from?: string } }

/**
 * The `from` of the store's email notification provider, read from the
 * store's config (defineConfig keys modules by name), for the domain of
 * the Message-IDs the plugin gives its emails.
 */
export function emailProviderFrom(configModule: Pick<ConfigModule, "modules">): string | null {
  const notification = (configModule.modules as Record<string, any> | undefined)?.[Modules.NOTIFICATION]
  const providers: ProviderConfig[] = notification?.options?.providers ?? []
  const email = providers.find((p) => p.options?.channels?.includes("email") && p.options?.from)
  return email?.options?.from ?? null
}

/**
 * Where notification Message-IDs live: the reply address's domain when
 * reply by email is on, else the sender's, else the server's host name.
 */
export function notificationEmailDomain(
  configModule: Pick<ConfigModule, "modules">,
  options: { backendUrl: string; replyTo?: string | null }
): string {
  return (
    domainOfAddress(options.replyTo) ??
    domainOfAddress(emailProviderFrom(configModule)) ??
    new URL(options.backendUrl).hostname
  )
}
