import { DEFAULT_LIVE_UPDATES, DEFAULT_RATE_LIMITS, DEFAULT_UPLOAD_QUOTAS, resolvePluginOptions } from "../plugin-options"

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

describe("resolvePluginOptions: backendUrl", () => {
  it("defaults to the origin of adminUrl, where Medusa serves its admin, and drops a trailing slash", () => {
    expect(resolvePluginOptions(undefined).backendUrl).toBe("http://localhost:9000")
    expect(resolvePluginOptions({ adminUrl: "https://shop.test/app" }).backendUrl).toBe("https://shop.test")
    expect(resolvePluginOptions({ backendUrl: "https://api.shop.test/" }).backendUrl).toBe("https://api.shop.test")
  })

  it("refuses a backendUrl that is not an absolute URL at boot", () => {
    expect(() => resolvePluginOptions({ backendUrl: "/api" })).toThrow(/backendUrl must be an absolute URL/)
  })
})

describe("resolvePluginOptions: inboundEmail", () => {
  const secret = "0123456789abcdef0123"

  it("is off without replyTo, and resolves defaults with it", () => {
    expect(resolvePluginOptions(undefined).inboundEmail).toBeNull()
    expect(resolvePluginOptions({ inboundEmail: { secret } }).inboundEmail).toBeNull()
    expect(resolvePluginOptions({ inboundEmail: { replyTo: "reply+{token}@in.shop.test", secret } }).inboundEmail).toEqual({
      replyTo: "reply+{token}@in.shop.test",
      secret,
      keyVersion: 1,
      maxBytes: 35 * 1024 * 1024,
    })
  })

  it("refuses to start with replyTo but no secret, or a template without {token} in its local part", () => {
    expect(() => resolvePluginOptions({ inboundEmail: { replyTo: "reply+{token}@in.shop.test" } })).toThrow(
      /inboundEmail\.secret is required when inboundEmail\.replyTo is set/
    )
    expect(() => resolvePluginOptions({ inboundEmail: { replyTo: "reply+{token}@in.shop.test", secret: "short" } })).toThrow(
      /secret is required/
    )
    for (const replyTo of ["reply@in.shop.test", "reply@{token}.shop.test", "reply+{token}"]) {
      expect(() => resolvePluginOptions({ inboundEmail: { replyTo, secret } })).toThrow(/replyTo must be an email address/)
    }
    expect(() =>
      resolvePluginOptions({ inboundEmail: { replyTo: "r+{token}@s.test", secret, imap: { url: "http://x" } } })
    ).toThrow(/imap\.url must be an imap/)
  })
})

describe("resolvePluginOptions: liveUpdates", () => {
  it("gives a store that sets nothing the contract's limits: 10 streams per actor, a 15 s heartbeat, 24 h of replay", () => {
    expect(resolvePluginOptions(undefined).liveUpdates).toEqual({
      maxStreamsPerActor: 10,
      maxStreamsPerProcess: 1000,
      heartbeatSeconds: 15,
      retryMs: 2000,
      eventRetentionSeconds: 24 * 3600,
    })
  })

  it("keeps the defaults of what a store does not set; retention in hours, or seconds for tests", () => {
    const options = resolvePluginOptions({ liveUpdates: { maxStreamsPerProcess: 50, eventRetentionHours: 48 } })
    expect(options.liveUpdates).toEqual({ ...DEFAULT_LIVE_UPDATES, maxStreamsPerProcess: 50, eventRetentionSeconds: 48 * 3600 })
    expect(resolvePluginOptions({ liveUpdates: { eventRetentionSeconds: 2 } }).liveUpdates.eventRetentionSeconds).toBe(2)
    expect(resolvePluginOptions({ liveUpdates: { heartbeatSeconds: 0.5 } }).liveUpdates.heartbeatSeconds).toBe(0.5)
  })

  it("refuses at boot a cap that is not a positive whole number, a retention under 24 h, a heartbeat of 0", () => {
    expect(() => resolvePluginOptions({ liveUpdates: { maxStreamsPerActor: 0 } })).toThrow(/liveUpdates\.maxStreamsPerActor/)
    expect(() => resolvePluginOptions({ liveUpdates: { maxStreamsPerProcess: 2.5 } })).toThrow(/liveUpdates\.maxStreamsPerProcess/)
    expect(() => resolvePluginOptions({ liveUpdates: { eventRetentionHours: 12 } })).toThrow(/at least 24/)
    expect(() => resolvePluginOptions({ liveUpdates: { heartbeatSeconds: 0 } })).toThrow(/liveUpdates\.heartbeatSeconds/)
  })
})
