/**
 * The line every notification email carries above its content when reply
 * by email is on. Mail clients quote the whole email under the reply, so
 * everything from this line down is history: the inbound trimmer cuts the
 * reply at the first line that contains it (in the text part, or in the
 * text of the HTML part). Kept short and made of characters no client
 * rewrites (no quotes, no dashes turned into em dashes), and its own line
 * in both parts, so a quote prefix (`> `) in front does not hide it.
 */
export const REPLY_MARKER = "##- Reply above this line -##"

/** Said under the marker, so the reader knows what happens to a reply. */
export const REPLY_MARKER_HINT = "Your reply is posted to the conversation."

/**
 * Finds the marker in a line of a reply, with or without a quote prefix:
 * plain `includes`, linear on any input.
 */
export const hasReplyMarker = (line: string) => line.includes(REPLY_MARKER)
