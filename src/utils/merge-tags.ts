import { BROADCAST_MERGE_TAGS } from "../types/broadcast"

/** `{{ name }}`, spaces inside the braces allowed. */
const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g

export type MergeTag = (typeof BROADCAST_MERGE_TAGS)[number]

/** The tags of `body` that are not merge tags, as written; empty when all are known. */
export function unknownMergeTags(body: string): string[] {
  const unknown = new Set<string>()
  for (const match of body.matchAll(TAG)) {
    if (!(BROADCAST_MERGE_TAGS as readonly string[]).includes(match[1])) {
      unknown.add(match[0])
    }
  }
  return [...unknown]
}

/**
 * Replaces each merge tag with its value, as plain text: the body stays
 * plain text that every renderer escapes, so a name such as
 * `<img onerror=…>` shows as written. Replaced in one pass, so a value that
 * itself looks like a tag is not expanded again.
 */
export function renderMergeTags(body: string, values: Record<MergeTag, string>): string {
  return body.replace(TAG, (tag, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name as MergeTag] : tag
  )
}
