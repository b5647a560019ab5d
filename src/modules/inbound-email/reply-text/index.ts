export { extractReply, type ExtractedReply, type ReplyParts } from "./extract-reply"
