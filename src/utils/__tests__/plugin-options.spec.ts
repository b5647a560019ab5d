import { DEFAULT_RATE_LIMITS, DEFAULT_UPLOAD_QUOTAS, resolvePluginOptions } from "../plugin-options"

describe("resolvePluginOptions: rateLimits", () => {
  it("gives a store that sets nothing the default limits", () => {
    expect(resolvePluginOptions(undefined).rateLimits).toEqual({
      ownerMessagesPerMinute: 120,
      memberMessagesPerMinute: 30,
      ownerUploadsPerMinute: 60,
      memberUploadsPerMinute: 20,
    })
    expect(resolvePluginOptions({ storeName: "Shop" }).rateLimits).toEqual(DEFAULT_RATE_LIMITS)
  })

  it("keeps the default of the limit a store does not set, and turns both off with false", () => {
    expect(resolvePluginOptions({ rateLimits: { memberMessagesPerMinute: 10 } }).rateLimits).toEqual({
      ...DEFAULT_RATE_LIMITS,
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

describe("resolvePluginOptions: public-edge defaults", () => {
  it("gives a store that sets nothing upload quotas, a 60 s email window and an hourly cap per affiliate", () => {
    const options = resolvePluginOptions(undefined)
    expect(options.uploadQuotas).toEqual({ filesPerHour: 60, bytesPerDay: 2 * 1024 ** 3 })
    expect(options.allowPendingUploads).toBe(false)
    expect(options.notificationDelaySeconds).toBe(60)
    expect(options.affiliateEmailsPerHour).toBe(30)
  })

  it("keeps the quota a store does not set, and turns quotas and the cap off with false", () => {
    expect(resolvePluginOptions({ uploadQuotas: { filesPerHour: 5 } }).uploadQuotas).toEqual({
      ...DEFAULT_UPLOAD_QUOTAS,
      filesPerHour: 5,
    })
    expect(resolvePluginOptions({ uploadQuotas: false }).uploadQuotas).toBe(false)
    expect(resolvePluginOptions({ affiliateEmailsPerHour: false }).affiliateEmailsPerHour).toBe(false)
    expect(resolvePluginOptions({ notificationDelaySeconds: 0 }).notificationDelaySeconds).toBe(0)
  })

  it("refuses quotas, windows and caps that are not whole numbers at boot, naming them", () => {
    expect(() => resolvePluginOptions({ uploadQuotas: { bytesPerDay: 0 } })).toThrow(/uploadQuotas\.bytesPerDay must be a positive whole number/)
    expect(() => resolvePluginOptions({ notificationDelaySeconds: -1 })).toThrow(/notificationDelaySeconds must be a whole number ≥ 0/)
    expect(() => resolvePluginOptions({ affiliateEmailsPerHour: 0 })).toThrow(/affiliateEmailsPerHour must be a whole number ≥ 1/)
  })
})
