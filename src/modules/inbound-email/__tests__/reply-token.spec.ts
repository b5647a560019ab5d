import { dmarcFailed } from "../../../workflows/inbound-email/sender-checks"
import { REPLY_TOKEN_LENGTH, deriveReplyToken, replyAddress, tokensIn } from "../reply-token"

describe("reply tokens", () => {
  const member = { type: "member" as const, id: "affmem_1" }

  it("are stable per secret, version, conversation and recipient, and differ on any change", () => {
    const token = deriveReplyToken("secret-one", 1, "conv_1", member)
    expect(token).toMatch(new RegExp(`^[0-9a-f]{${REPLY_TOKEN_LENGTH}}$`))
    expect(deriveReplyToken("secret-one", 1, "conv_1", member)).toBe(token)
    const others = [
      deriveReplyToken("secret-two", 1, "conv_1", member),
      deriveReplyToken("secret-one", 2, "conv_1", member),
      deriveReplyToken("secret-one", 1, "conv_2", member),
      deriveReplyToken("secret-one", 1, "conv_1", { type: "user", id: "affmem_1" }),
    ]
    expect(new Set([token, ...others]).size).toBe(5)
    expect(token).not.toContain("affmem")
  })

  it("fit a local part and are found again in addresses, case-insensitively, only in the template's shape", () => {
    const template = "partners+{token}@shop.example"
    const token = deriveReplyToken("s", 1, "conv_1", member)
    const address = replyAddress(template, token)
    expect(address.split("@")[0].length).toBeLessThanOrEqual(64)
    expect(tokensIn(template, ["Someone@else.test", ` ${address.toUpperCase()} `, address])).toEqual([token])
    expect(tokensIn(template, [`partners+${token}@evil.example`, `xpartners+${token}@shop.example`, `partners+${token}x@shop.example`])).toEqual([])
  })
})

/* Guard of the one place that reaches into mailauth (lib/parse-dkim-headers, not an exported API): fails if its shape changes. */
describe("DMARC in Authentication-Results (mailauth's parser)", () => {
  const lines = (...values: string[]) => values.map((value) => ({ key: "authentication-results", line: `Authentication-Results: ${value}` }))

  it("reads the topmost header only, as the receiving side wrote it", () => {
    expect(dmarcFailed(lines("mx.shop.test; spf=pass smtp.mailfrom=a.test; dmarc=fail (p=reject) header.from=a.test"))).toBe(true)
    expect(dmarcFailed(lines("mx.shop.test; dkim=pass header.i=@a.test; dmarc=pass header.from=a.test"))).toBe(false)
    expect(dmarcFailed(lines("mx.shop.test; dmarc=pass header.from=a.test", "forged.test; dmarc=fail header.from=a.test"))).toBe(false)
    expect(dmarcFailed([])).toBe(false)
  })
})
