import { signUnsubscribeToken, unsubscribeKeys, unsubscribeUrl, verifyUnsubscribeToken } from "../unsubscribe-token"
import { domainOfAddress } from "../email-domain"

const config = (jwtSecret: string) => ({ projectConfig: { http: { jwtSecret } } }) as any

describe("unsubscribe tokens", () => {
  const keys = unsubscribeKeys(config("jwt-secret"))

  it("name the member they were signed for, and no other", () => {
    const token = signUnsubscribeToken(keys, "affmem_1")
    expect(token).toMatch(/^affmem_1\.[A-Za-z0-9_-]{43}$/)
    expect(verifyUnsubscribeToken(keys, token)).toBe("affmem_1")
    const signature = token.split(".")[1]
    expect(verifyUnsubscribeToken(keys, `affmem_2.${signature}`)).toBeNull()
    for (const forged of ["affmem_1", "affmem_1.", ".abc", `affmem_1.${"A".repeat(43)}`, `affmem_1.${signature}x`]) {
      expect(verifyUnsubscribeToken(keys, forged)).toBeNull()
    }
  })

  it("are signed with the inbound secret when set; links signed before with the JWT-derived key still verify", () => {
    const before = signUnsubscribeToken(keys, "affmem_1")
    const withInbound = unsubscribeKeys(config("jwt-secret"), "inbound-secret-0123456789")
    const after = signUnsubscribeToken(withInbound, "affmem_1")
    expect(after).not.toBe(before)
    expect(verifyUnsubscribeToken(withInbound, before)).toBe("affmem_1")
    expect(verifyUnsubscribeToken(withInbound, after)).toBe("affmem_1")
    // another store's secret verifies nothing
    expect(verifyUnsubscribeToken(unsubscribeKeys(config("other")), before)).toBeNull()
  })

  it("build the link under the server's public URL", () => {
    expect(unsubscribeUrl("https://api.shop.test", "affmem_1.sig")).toBe(
      "https://api.shop.test/hooks/affiliate-messaging/unsubscribe?token=affmem_1.sig"
    )
  })
})

describe("domainOfAddress", () => {
  it("reads the domain of a reply template, a bare address and a named one", () => {
    expect(domainOfAddress("partners+{token}@Shop.Example")).toBe("shop.example")
    expect(domainOfAddress('"My Store" <partners@my-store.com>')).toBe("my-store.com")
    expect(domainOfAddress("not an address")).toBeNull()
    expect(domainOfAddress(undefined)).toBeNull()
  })
})
