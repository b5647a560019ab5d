import { affiliateEmailProvider, redisModules } from ".."
import { NodemailerNotificationService } from "../../providers/nodemailer"

/**
 * The config pieces name Medusa modules by their `resolve` path; each must
 * load from the installed Medusa, or a store's `medusa-config.ts` fails at
 * start. A Medusa that moves or drops one fails here first.
 */
describe("medusa-plugin-affiliate-messaging/config", () => {
  it("redisModules: the four Redis modules, each resolvable from the installed Medusa, all on the given Redis", () => {
    const modules = redisModules("redis://redis.internal:6379")
    const resolves = [
      ...modules.map((m) => m.resolve),
      ...modules.flatMap((m) => ((m.options?.providers as { resolve: string }[]) ?? []).map((p) => p.resolve)),
    ]
    expect(resolves).toEqual([
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/cache-redis",
      "@medusajs/medusa/locking",
      "@medusajs/medusa/locking-redis",
    ])
    for (const resolve of resolves) {
      expect(() => require.resolve(resolve)).not.toThrow()
    }
    // event bus, workflow engine, cache, and the locking module's provider
    expect(JSON.stringify(modules).match(/redis:\/\/redis\.internal:6379/g)).toHaveLength(4)
  })

  it("affiliateEmailProvider: the plugin's provider on the email channel, under the id it sends through", () => {
    const entry = affiliateEmailProvider({ url: "smtp://mail.example:587", from: "Shop <p@shop.example>" })
    expect(entry).toEqual({
      resolve: "medusa-plugin-affiliate-messaging/providers/nodemailer",
      id: NodemailerNotificationService.identifier,
      options: { channels: ["email"], url: "smtp://mail.example:587", from: "Shop <p@shop.example>" },
    })
  })
})
