export { Conversation } from "./conversation"
export { MemberReadState } from "./member-read-state"
export { Message } from "./message"
export { MessagingSetting } from "./messaging-setting"
