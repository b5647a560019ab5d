import { generateEntityId } from "@medusajs/framework/utils"
import { entityId, entityIds } from "../entity-ids"

const ENCODING = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const timeOf = (id: string) => [...id.split("_")[1].slice(0, 10)].reduce((ms, char) => ms * 32 + ENCODING.indexOf(char), 0)

describe("entityIds", () => {
  it("makes ids shaped as Medusa's generateEntityId: prefix, ULID time of now, 16 random characters", () => {
    const before = Date.now()
    const ids = entityIds("msg", 10_000)
    const after = Date.now()
    const medusa = generateEntityId(undefined, "msg")
    expect(ids).toHaveLength(10_000)
    expect(new Set(ids).size).toBe(10_000)
    for (const id of [ids[0], ids[9_999]]) {
      expect(id).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(id).toHaveLength(medusa.length)
      expect(timeOf(id)).toBeGreaterThanOrEqual(before)
      expect(timeOf(id)).toBeLessThanOrEqual(after)
    }
    // the ULID of Medusa's id reads as a time the same way
    expect(Math.abs(timeOf(medusa) - after)).toBeLessThan(5_000)
    // every character of the random part is used
    expect(new Set(ids.flatMap((id) => [...id.slice(-16)])).size).toBe(32)
  })

  it("makes one id of the same shape, another each call", () => {
    const ids = [entityId("conv"), entityId("conv")]
    for (const id of ids) {
      expect(id).toMatch(/^conv_[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(id).toHaveLength(generateEntityId(undefined, "conv").length)
    }
    expect(ids[0]).not.toBe(ids[1])
  })

  it("makes none for a count of 0", () => {
    expect(entityIds("lev", 0)).toEqual([])
  })
})
