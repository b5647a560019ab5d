import { PublishableKeyMemo } from "../publishable-key-memo"

const context = (key: string) => ({ key, sales_channel_ids: ["sc_1"] })

describe("PublishableKeyMemo", () => {
  it("recalls a verdict for its time to live and not after", () => {
    const memo = new PublishableKeyMemo(5_000)
    memo.remember("pk_a", context("pk_a"), 1_000)
    expect(memo.recall("pk_a", 5_999)).toEqual(context("pk_a"))
    expect(memo.recall("pk_a", 6_000)).toBeUndefined()
    // an expired verdict is gone, not kept for later
    expect(memo.size).toBe(0)
    expect(memo.recall("pk_b", 1_000)).toBeUndefined()
  })

  it("starts a key's time again when Medusa accepts it again", () => {
    const memo = new PublishableKeyMemo(5_000)
    memo.remember("pk_a", context("pk_a"), 0)
    memo.remember("pk_a", context("pk_a"), 4_000)
    expect(memo.recall("pk_a", 8_000)).toEqual(context("pk_a"))
  })

  it("keeps at most 32 keys, dropping the oldest verdict", () => {
    const memo = new PublishableKeyMemo(5_000)
    for (let i = 0; i < 33; i++) memo.remember(`pk_${i}`, context(`pk_${i}`), 0)
    expect(memo.size).toBe(32)
    expect(memo.recall("pk_0", 1)).toBeUndefined()
    expect(memo.recall("pk_32", 1)).toEqual(context("pk_32"))
  })

  it("forgets everything at once", () => {
    const memo = new PublishableKeyMemo(5_000)
    memo.remember("pk_a", context("pk_a"), 0)
    memo.remember("pk_b", context("pk_b"), 0)
    memo.forget()
    expect(memo.size).toBe(0)
    expect(memo.recall("pk_a", 1)).toBeUndefined()
  })
})
