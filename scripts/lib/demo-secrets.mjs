import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

const SECRETS_FILE = "secrets.json"
const FIELDS = ["jwt_secret", "cookie_secret"]
// added later: a data folder from before reply by email gets one on its next run
const ADDED_FIELDS = ["inbound_secret"]
const newSecret = () => crypto.randomBytes(32).toString("base64url")

/**
 * The demo's JWT and cookie secrets and its reply-by-email secret, kept in its data folder: random on the
 * first run, read back on later ones so sessions and tokens survive a
 * restart. A fixed secret shipped in the repository would let anyone who has
 * read it forge admin tokens for every running copy of the demo.
 */
export function demoSecrets(dataDir) {
  const file = path.join(dataDir, SECRETS_FILE)
  const existing = readSecrets(file)
  if (existing && ADDED_FIELDS.every((field) => typeof existing[field] === "string")) {
    // an older copy may have been written with a wider mode
    fs.chmodSync(file, 0o600)
    return existing
  }
  const secrets = {
    ...Object.fromEntries([...FIELDS, ...ADDED_FIELDS].map((field) => [field, newSecret()])),
    ...existing,
  }
  fs.mkdirSync(dataDir, { recursive: true })
  // written elsewhere then renamed: a run stopped mid-write never leaves half a file to reuse
  const partial = `${file}.${process.pid}.tmp`
  fs.writeFileSync(partial, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  fs.renameSync(partial, file)
  return secrets
}

function readSecrets(file) {
  let parsed
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (error) {
    if (error.code === "ENOENT") return null
    throw new Error(`${file} is not readable JSON (${error.message}); delete it to get new secrets`)
  }
  if (!FIELDS.every((field) => typeof parsed?.[field] === "string" && parsed[field].length >= 32)) {
    throw new Error(`${file} lacks ${FIELDS.join(" or ")}; delete it to get new secrets`)
  }
  return parsed
}
