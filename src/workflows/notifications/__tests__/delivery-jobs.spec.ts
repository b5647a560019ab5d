import type { ConversationDTO, MessageDTO } from "../../../types/messaging"
import {
  DELIVERY_BATCH_SIZE,
  DELIVER_AFFILIATE_INVITE,
  DELIVER_MESSAGE_NOTIFICATIONS,
  DELIVER_NOTIFICATION_DIGEST,
  affiliateInviteJob,
  capPeriodStart,
  copiesNotificationsJob,
  messageDeliveryJobs,
  notificationDigestJob,
  splitFirstDelivery,
} from "../delivery-jobs"
import type { Recipient } from "../steps/resolve-message-recipients"

const message = { id: "msg_1", author_type: "owner", created_at: new Date("2026-01-01T10:00:07Z") } as MessageDTO
const conversation = { id: "conv_1" } as ConversationDTO
const members = (count: number): Recipient[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `affmem_${String(count - i).padStart(3, "0")}`,
    kind: "member",
    id: `affmem_${count - i}`,
    email: `m${i}@team.test`,
  }))

describe("splitFirstDelivery", () => {
  it("keeps a message's first batch for the recipients job when it is due at once, and queues the rest", () => {
    const jobs = messageDeliveryJobs({ message, conversation, recipients: members(120), delay_seconds: 0 })
    const { first, queued } = splitFirstDelivery(jobs)
    expect(first?.id).toBe("notify-msg_1-batch-0")
    expect(queued.map((job) => job.id)).toEqual(["notify-msg_1-batch-1", "notify-msg_1-batch-2"])
  })
  it("queues every job of a delay window, and handles a message with no recipient", () => {
    const windowed = messageDeliveryJobs({ message, conversation, recipients: members(3), delay_seconds: 60 })
    expect(splitFirstDelivery(windowed)).toEqual({ first: null, queued: windowed })
    expect(splitFirstDelivery([])).toEqual({ first: null, queued: [] })
  })
})

describe("messageDeliveryJobs", () => {
  it("cuts a message's recipients into batches in a stable order, one idempotency key per email", () => {
    const jobs = messageDeliveryJobs({ message, conversation, recipients: members(120), delay_seconds: 0 })
    expect(jobs.map((job) => job.id)).toEqual(["notify-msg_1-batch-0", "notify-msg_1-batch-1", "notify-msg_1-batch-2"])
    const deliveries = jobs.flatMap((job) => (job.input as any).deliveries)
    expect(jobs.map((job) => (job.input as any).deliveries.length)).toEqual([DELIVERY_BATCH_SIZE, DELIVERY_BATCH_SIZE, 20])
    expect(deliveries[0]).toEqual({
      recipient: expect.objectContaining({ key: "affmem_001" }),
      idempotency_key: "notify-msg_1-affmem_001",
    })
    expect(new Set(deliveries.map((d: any) => d.idempotency_key)).size).toBe(120)
    expect(jobs.every((job) => job.workflow === DELIVER_MESSAGE_NOTIFICATIONS && !job.run_at)).toBe(true)

    // the queue dedupes by job id: the same recipients in another order cut the same batches
    const again = messageDeliveryJobs({ message, conversation, recipients: members(120).reverse(), delay_seconds: 0 })
    expect(again).toEqual(jobs)
  })

  it("gives each recipient its own job per delay window, run when the window has waited once more", () => {
    const jobs = messageDeliveryJobs({ message, conversation, recipients: members(2), delay_seconds: 60 })
    expect(jobs).toHaveLength(2)
    expect(jobs[0]).toMatchObject({
      id: expect.stringMatching(/^notify-conv_1-affmem_001-\d+$/),
      run_at: "2026-01-01T10:02:00.000Z",
      input: {
        deliveries: [{ recipient: expect.objectContaining({ key: "affmem_001" }), idempotency_key: jobs[0].id }],
        window: { from: "2026-01-01T10:00:00.000Z", to: "2026-01-01T10:01:00.000Z" },
      },
    })
  })

  it("sends nothing about system messages", () => {
    const system = { ...message, author_type: "system" } as MessageDTO
    expect(messageDeliveryJobs({ message: system, conversation, recipients: members(3), delay_seconds: 0 })).toEqual([])
  })
})

describe("affiliateInviteJob", () => {
  it("carries the invite id only: no token, no link, nothing to steal from the queue", () => {
    expect(affiliateInviteJob("affinv_1")).toEqual({
      id: "invite-affinv_1",
      workflow: DELIVER_AFFILIATE_INVITE,
      input: { invite_id: "affinv_1" },
    })
  })
})

describe("the hourly cap's digest jobs", () => {
  const admin: Recipient = { key: "user_1", kind: "user", id: "user_1", email: "admin@shop.test" }

  it("cuts time in clock hours (or a test's shorter period)", () => {
    expect(capPeriodStart(Date.parse("2026-01-01T10:59:59.999Z"), 3600).toISOString()).toBe("2026-01-01T10:00:00.000Z")
    expect(capPeriodStart(Date.parse("2026-01-01T11:00:00.000Z"), 3600).toISOString()).toBe("2026-01-01T11:00:00.000Z")
    expect(capPeriodStart(Date.parse("2026-01-01T10:00:31.000Z"), 30).toISOString()).toBe("2026-01-01T10:00:30.000Z")
  })

  it("makes one job per bucket, period and recipient, run after the period with a margin", () => {
    const start = new Date("2026-01-01T10:00:00Z")
    const job = notificationDigestJob("aff_1", start, 3600, admin)
    expect(job).toEqual({
      id: `digest-aff_1-${start.getTime()}-user_1`,
      workflow: DELIVER_NOTIFICATION_DIGEST,
      run_at: "2026-01-01T11:01:00.000Z",
      input: { bucket: "aff_1", period_start: "2026-01-01T10:00:00.000Z", recipient: admin },
    })
    // every held email of the hour asks for the same job: the queue keeps one
    expect(notificationDigestJob("aff_1", start, 3600, admin)).toEqual(job)
    expect(notificationDigestJob("pending", start, 3600, admin).id).not.toBe(job.id)
    expect(notificationDigestJob("aff_1", start, 3600, { ...admin, key: "user_2" }).id).not.toBe(job.id)
    // a short test period keeps a margin of at least 2 s
    expect(notificationDigestJob("aff_1", start, 20, admin).run_at).toBe("2026-01-01T10:00:22.000Z")
  })
})

describe("copiesNotificationsJob", () => {
  it("names a set of copies: the same set in any order is one job, another set with the same first copy and count is another", () => {
    const batch = copiesNotificationsJob(["msg_b", "msg_a", "msg_c"])
    expect(copiesNotificationsJob(["msg_c", "msg_b", "msg_a"]).id).toBe(batch.id)
    // a takeover's slice that starts where the batch started but holds other copies
    expect(copiesNotificationsJob(["msg_b", "msg_d", "msg_e"]).id).not.toBe(batch.id)
    expect(batch.input).toEqual({ message_ids: ["msg_b", "msg_a", "msg_c"] })
  })
})
