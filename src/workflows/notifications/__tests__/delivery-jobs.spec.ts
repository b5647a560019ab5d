import type { ConversationDTO, MessageDTO } from "../../../types/messaging"
import { DELIVERY_BATCH_SIZE, DELIVER_MESSAGE_NOTIFICATIONS, messageDeliveryJobs } from "../delivery-jobs"
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
