import { previousOf, trimReferences } from "../steps/thread-notification-emails"

/** A thread of `count` emails to one recipient, each answering the one before, as the delivery job writes them. */
function thread(count: number) {
  const emails: { message_id: string; in_reply_to: string | null; references: string[] }[] = []
  for (let n = 0; n < count; n++) {
    const previous = emails[n - 1]
    emails.push({
      message_id: `<msg_${n}.affmem_1@shop.test>`,
      in_reply_to: previous?.message_id ?? null,
      references: previous ? trimReferences([...previous.references, previous.message_id]) : [],
    })
  }
  return emails
}

describe("previousOf (the recipient's latest email of the thread on record)", () => {
  it("answers the latest email when it is another one", () => {
    const [, second] = thread(2)
    expect(previousOf(second, "<msg_9.affmem_1@shop.test>")).toEqual({
      message_id: second.message_id,
      references: second.references,
    })
  })

  it("gives a retry whose first run was recorded the headers that run wrote, past the References' trimming", () => {
    const emails = thread(15)
    for (const email of emails) {
      // the record holds the email itself: what did it answer?
      const previous = previousOf(email, email.message_id)
      expect(previous?.message_id ?? null).toBe(email.in_reply_to)
      const references = previous ? trimReferences([...previous.references, previous.message_id]) : []
      expect(references).toEqual(email.references)
    }
    expect(emails[14].references).toHaveLength(10)
  })
})
