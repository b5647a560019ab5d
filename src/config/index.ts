/**
 * Pieces of a store's `medusa-config.ts` that every store running the plugin
 * writes the same way: `medusa-plugin-affiliate-messaging/config`.
 *
 * ```ts
 * import { affiliateEmailProvider, redisModules } from "medusa-plugin-affiliate-messaging/config"
 *
 * module.exports = defineConfig({
 *   // …
 *   modules: [
 *     ...redisModules(process.env.REDIS_URL!), // only when several processes act as one store
 *     {
 *       resolve: "@medusajs/medusa/notification",
 *       options: { providers: [affiliateEmailProvider({ url: process.env.SMTP_URL, from: "My Store <partners@my-store.com>" })] },
 *     },
 *   ],
 *   plugins: [{ resolve: "medusa-plugin-affiliate-messaging", options: { storeName: "My Store" } }],
 * })
 * ```
 *
 * Loaded with `medusa-config.ts`, before Medusa starts: this file imports
 * nothing at run time.
 */
import type { NodemailerProviderOptions } from "../providers/nodemailer/service"

/** The id the plugin sends its emails through (the provider's `identifier`). */
export const AFFILIATE_EMAIL_PROVIDER_ID = "affiliate-messaging-nodemailer"

/** A module entry of `defineConfig({ modules })`. */
export type ModuleEntry = { resolve: string; options?: Record<string, unknown> }

/**
 * The plugin's SMTP provider as an entry of the Notification Module's
 * `providers`, on the `email` channel. A store with another email provider
 * gives that one a different channel or lists this one alone.
 *
 * `resolve` is for the plugin's own tests, which load it from source.
 */
export function affiliateEmailProvider(
  options: NodemailerProviderOptions,
  resolve = "medusa-plugin-affiliate-messaging/providers/nodemailer"
) {
  return { resolve, id: AFFILIATE_EMAIL_PROVIDER_ID, options: { channels: ["email"], ...options } }
}

/**
 * Medusa's event bus, workflow engine (scheduled jobs included), cache and
 * locking in Redis: what several server and worker processes need to act as
 * one store (docs/guides/operations.md, "Production topology").
 * `projectConfig.redisUrl` alone moves only sessions.
 */
export function redisModules(redisUrl: string): ModuleEntry[] {
  return [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      // a subscriber that fails (e.g. the delivery queue's Redis briefly away) is retried
      options: { redisUrl, jobOptions: { attempts: 10, backoff: { type: "exponential", delay: 1_000 } } },
    },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
        ],
      },
    },
  ]
}
