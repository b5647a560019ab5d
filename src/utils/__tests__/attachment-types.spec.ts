import { cleanFilename, detectAttachmentType, filenameForType } from "../attachment-types"

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex")

describe("attachment filenames", () => {
  it("keeps UTF-8 names of every script exactly", () => {
    for (const name of ["Résumé – Q3 €.pdf", "Übersicht Größe.pdf", "Σύμβαση.pdf", "Договор.pdf", "عقد.pdf", "契約書.pdf", "🚀 launch 👩🏽‍💻.pdf"]) {
      expect(cleanFilename(name)).toBe(name)
    }
  })

  it("removes control and format characters: bidi overrides and isolates, zero-width, BOM, soft hyphen", () => {
    expect(cleanFilename("payout_\u202Efdp.hta")).toBe("payout_fdp.hta")
    expect(cleanFilename("\u2066a\u2067b\u2068c\u2069\u202A\u202B\u202C\u202Dd\u200B\u200C\u200D\u2060\uFEFF\u00AD\u0007\u007F\u0085.txt")).toBe("abcd.txt")
    expect(cleanFilename("..\\..\\evil/\u202E.txt")).toBe(".txt")
    // a joiner between two emoji stays (one emoji); between letters it goes
    expect(cleanFilename("pay\u200Dpal 👩\u200D💻.txt")).toBe("paypal 👩\u200D💻.txt")
    expect(cleanFilename("\u202E")).toBe("attachment")
  })

  it("keeps the extension when it shortens a long name to 200 characters", () => {
    const cleaned = cleanFilename(`${"é".repeat(300)}.pdf`)
    expect(Array.from(cleaned)).toHaveLength(200)
    expect(cleaned.endsWith("é.pdf")).toBe(true)
  })

  it("matches the extension to the sniffed type: refused with the allowed ones, added when missing", async () => {
    const png = (await detectAttachmentType(PNG, "x.pdf"))!
    expect(filenameForType("x.pdf", png)).toEqual({
      refusal: "x.pdf: the extension .pdf does not match the file's content (image/png); name it .png",
    })
    expect(filenameForType("Logo.PNG", png)).toEqual({ filename: "Logo.PNG" })
    expect(filenameForType("scan", png)).toEqual({ filename: "scan.png" })
    expect(filenameForType("scan.", png)).toEqual({ filename: "scan.png" })
    const text = (await detectAttachmentType(Buffer.from("hello"), "payout_fdp.hta"))!
    expect(filenameForType(cleanFilename("payout_\u202Efdp.hta"), text)).toEqual({
      refusal: "payout_fdp.hta: the extension .hta does not match the file's content (text/plain); name it .txt",
    })
    const jpeg = { mime: "image/jpeg", limit: 1 }
    expect(filenameForType("a.gif", jpeg)).toEqual({ refusal: expect.stringMatching(/name it \.jpg or \.jpeg$/) })
    expect(filenameForType(".profile", text)).toEqual({ filename: ".profile.txt" })
  })
})
