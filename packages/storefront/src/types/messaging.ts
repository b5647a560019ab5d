/** The message limits both sides check: the server validates, the composers warn before sending. */
export const MESSAGE_AUTHOR_TYPES = ["owner", "affiliate", "system"] as const
export type MessageAuthorType = (typeof MESSAGE_AUTHOR_TYPES)[number]
/** Where a message came from: written in the app, or a reply by email. */
export const MESSAGE_SOURCES = ["app", "email"] as const
export type MessageSource = (typeof MESSAGE_SOURCES)[number]

export const MESSAGE_BODY_MAX_LENGTH = 10_000
export const MAX_ATTACHMENTS_PER_MESSAGE = 10
