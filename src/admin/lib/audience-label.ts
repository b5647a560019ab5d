import type { Conversation } from "../../types/http"

type Named = { first_name: string | null; last_name: string | null; email: string }

export const memberName = (member: Named) =>
  [member.first_name, member.last_name].filter(Boolean).join(" ") || member.email

/** Who a thread is with: the whole team, or one member of it. */
export const audienceLabel = (conversation: Pick<Conversation, "member">) =>
  conversation.member ? memberName(conversation.member) : "Whole team"
