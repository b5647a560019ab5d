import archiver from "archiver"
import { PassThrough } from "stream"

/** Small but real office files: OOXML and OpenDocument ZIP packages, and the OLE container of doc/xls/ppt. */
function zip(entries: { name: string; content: string; store?: boolean }[]): Promise<Buffer> {
  const archive = archiver("zip", { zlib: { level: 9 } })
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on("data", (chunk) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    sink.on("end", () => resolve(Buffer.concat(chunks)))
    archive.on("error", reject)
  })
  archive.pipe(sink)
  for (const entry of entries) {
    archive.append(entry.content, { name: entry.name, store: entry.store })
  }
  void archive.finalize()
  return done
}

const OOXML = {
  docx: { dir: "word", part: "document.xml", type: "wordprocessingml.document.main+xml" },
  xlsx: { dir: "xl", part: "workbook.xml", type: "spreadsheetml.sheet.main+xml" },
  pptx: { dir: "ppt", part: "presentation.xml", type: "presentationml.presentation.main+xml" },
}

function ooxml(kind: keyof typeof OOXML) {
  const { dir, part, type } = OOXML[kind]
  return zip([
    {
      name: "[Content_Types].xml",
      content: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${dir}/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/></Types>`,
    },
    {
      name: "_rels/.rels",
      content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${dir}/${part}"/></Relationships>`,
    },
    { name: `${dir}/${part}`, content: `<?xml version="1.0"?><root>Q4 affiliate report</root>` },
  ])
}

function openDocument(mime: string) {
  return zip([
    // OpenDocument requires this first entry, uncompressed
    { name: "mimetype", content: mime, store: true },
    { name: "content.xml", content: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>` },
    { name: "META-INF/manifest.xml", content: `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>` },
  ])
}

/** The OLE compound-file signature and header, as doc, xls and ppt files begin. */
function oleContainer(): Buffer {
  const file = Buffer.alloc(1536)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file)
  file.writeUInt16LE(0x003e, 24)
  file.writeUInt16LE(0x0003, 26)
  file.writeUInt16LE(0xfffe, 28)
  file.writeUInt16LE(0x0009, 30)
  return file
}

export async function officeFixtures() {
  return [
    { filename: "report.docx", content: await ooxml("docx"), mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    { filename: "report.xlsx", content: await ooxml("xlsx"), mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    { filename: "report.pptx", content: await ooxml("pptx"), mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    { filename: "report.odt", content: await openDocument("application/vnd.oasis.opendocument.text"), mime: "application/vnd.oasis.opendocument.text" },
    { filename: "report.ods", content: await openDocument("application/vnd.oasis.opendocument.spreadsheet"), mime: "application/vnd.oasis.opendocument.spreadsheet" },
    { filename: "report.odp", content: await openDocument("application/vnd.oasis.opendocument.presentation"), mime: "application/vnd.oasis.opendocument.presentation" },
    { filename: "report.doc", content: oleContainer(), mime: "application/msword" },
    { filename: "report.xls", content: oleContainer(), mime: "application/vnd.ms-excel" },
    { filename: "report.ppt", content: oleContainer(), mime: "application/vnd.ms-powerpoint" },
  ]
}
