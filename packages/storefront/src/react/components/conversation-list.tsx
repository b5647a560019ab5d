import type { StoreConversation } from "../../types/http/index.js"
import { conversationTitle, initials, shortDate } from "../internal/format.js"

function Avatar({ conversation }: { conversation: StoreConversation }) {
  const member = conversation.member
  const text = member
    ? initials([member.first_name, member.last_name].filter(Boolean).join(" ") || member.email)
    : initials(conversation.affiliate.name)
  return (
    <span className="amsg-avatar" data-kind={member ? "member" : "team"} aria-hidden="true">
      {text}
    </span>
  )
}

/** The member's threads: title, last message preview, time, unread marker. */
export function ConversationList({
  conversations,
  selectedId,
  onSelect,
  locale,
}: {
  conversations: StoreConversation[]
  selectedId: string | null
  onSelect: (id: string) => void
  locale?: string
}) {
  return (
    <ul className="amsg-list" aria-label="Conversations" data-testid="amsg-conversations">
      {conversations.map((conversation) => {
        const { title, subtitle } = conversationTitle(conversation)
        const time = shortDate(conversation.last_message_at ?? conversation.created_at, locale)
        return (
          <li key={conversation.id}>
            <button
              type="button"
              className="amsg-conv"
              aria-current={conversation.id === selectedId ? "true" : undefined}
              data-unread={conversation.unread}
              data-testid="amsg-conversation"
              data-conversation-id={conversation.id}
              title={subtitle}
              onClick={() => onSelect(conversation.id)}
            >
              <Avatar conversation={conversation} />
              <span className="amsg-conv-body">
                <span className="amsg-conv-top">
                  <span className="amsg-conv-title">{title}</span>
                  <time className="amsg-conv-time" dateTime={conversation.last_message_at ?? conversation.created_at}>
                    {time}
                  </time>
                </span>
                <span className="amsg-conv-bottom">
                  <span className="amsg-conv-preview">{conversation.last_message_preview || "No messages yet"}</span>
                  {conversation.unread && (
                    <>
                      <span className="amsg-dot" aria-hidden="true" />
                      <span className="amsg-sr-only">(unread)</span>
                    </>
                  )}
                </span>
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
