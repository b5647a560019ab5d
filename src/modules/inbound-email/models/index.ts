export { InboundEmail } from "./inbound-email"
export { ReplyKey } from "./reply-key"
export { ImapCursor } from "./imap-cursor"
