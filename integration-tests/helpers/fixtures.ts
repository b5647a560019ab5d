import type { UploadPart } from "./multipart"

/** Small real files of each kind, made in code. */
export const FIXTURES = {
  png: Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64"
  ),
  gif: Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"),
  jpeg: Buffer.from(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
    "base64"
  ),
  pdf: Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
  ),
  txt: Buffer.from("Payout schedule\nMonthly, on the 5th.\nÜnïcödé ok ✓\n"),
  csv: Buffer.from("month,clicks,sales\n2026-10,1200,34\n2026-11,1500,41\n"),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 1)]),
  html: Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n"),
}

/** One PNG to upload under `filename`. */
export const pngUpload = (filename: string): UploadPart[] => [{ filename, content: FIXTURES.png }]
