import { DEFAULT_RATE_LIMITS, resolvePluginOptions } from "../plugin-options"

describe("resolvePluginOptions: rateLimits", () => {
  it("gives a store that sets nothing the default limits", () => {
    expect(resolvePluginOptions(undefined).rateLimits).toEqual({ ownerMessagesPerMinute: 120, memberMessagesPerMinute: 30 })
    expect(resolvePluginOptions({ storeName: "Shop" }).rateLimits).toEqual(DEFAULT_RATE_LIMITS)
  })

  it("keeps the default of the limit a store does not set, and turns both off with false", () => {
    expect(resolvePluginOptions({ rateLimits: { memberMessagesPerMinute: 10 } }).rateLimits).toEqual({
      ownerMessagesPerMinute: 120,
      memberMessagesPerMinute: 10,
    })
    expect(resolvePluginOptions({ rateLimits: false }).rateLimits).toBe(false)
  })

  it("refuses a limit that is not a positive whole number at boot, naming it", () => {
    for (const bad of [0, -1, 2.5, Number.NaN]) {
      expect(() => resolvePluginOptions({ rateLimits: { ownerMessagesPerMinute: bad } })).toThrow(
        /rateLimits\.ownerMessagesPerMinute must be a positive whole number/
      )
    }
  })
})
