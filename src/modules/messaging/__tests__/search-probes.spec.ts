import { rareProbes } from "../repositories/sql/search-probes"

const PARTNER = ["par", "art", "rtn", "tne", "ner"]
const common = (...trigrams: string[]) => new Set(trigrams)

describe("rareProbes", () => {
  it("asks for the rare words of a query whose other words are common", () => {
    expect(rareProbes("Partner 4242", common(...PARTNER))).toEqual(["4242"])
    expect(rareProbes("PARTNER 4242 reviews", common(...PARTNER))).toEqual(["4242", "reviews"])
  })

  it("cuts a word around its common trigrams, keeping the query's own letters", () => {
    expect(rareProbes("partner4242@bench.test", common(...PARTNER, "ben", "enc", "nch", "tes", "est"))).toEqual(["er4242"])
    expect(rareProbes("Wholesale", common("hol"))).toEqual(["Who", "olesale"])
    expect(rareProbes("Straße 12", common("str", "tra"))).toEqual(["raße"])
  })

  it("leaves the query whole when no trigram is common, or every one is", () => {
    expect(rareProbes("quokka campaign", common(...PARTNER))).toBeNull()
    expect(rareProbes("partner", common(...PARTNER))).toBeNull()
    // words under three characters have no trigram to ask for
    expect(rareProbes("Partner 42", common(...PARTNER))).toBeNull()
    expect(rareProbes("Partner 4242", common())).toBeNull()
  })
})
