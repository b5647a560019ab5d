import { useDate } from "../../lib/dashboard"
import { Badge, Text, Tooltip, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { Message } from "../../../types/http"
import { LinkifiedText } from "./linkified-text"
import { MessageAttachments } from "./message-attachments"

/**
 * The store's messages on the right, the affiliate's on the left, system
 * notes centred. A message that came in as a reply to a notification email
 * says so ("via email"): its text is what was left after trimming. A copy
 * of a broadcast carries a "Broadcast" badge linking to the broadcast.
 */
export const MessageBubble = ({ message }: { message: Message }) => {
  const { getFullDate } = useDate()
  const fromOwner = message.author_type === "owner"

  if (message.author_type === "system") {
    return (
      <Text size="small" className="text-ui-fg-muted text-center" data-testid="message">
        <LinkifiedText text={message.body} />
      </Text>
    )
  }

  return (
    <article
      data-testid="message"
      data-author-type={message.author_type}
      className={clx("flex flex-col gap-y-1", fromOwner ? "items-end" : "items-start")}
    >
      <div className="flex items-baseline gap-x-2 px-1">
        <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
          {message.author.name}
        </Text>
        <Tooltip content={getFullDate({ date: message.created_at, includeTime: true })}>
          <time dateTime={message.created_at} className="txt-compact-xsmall text-ui-fg-muted">
            {getFullDate({ date: message.created_at, includeTime: true })}
          </time>
        </Tooltip>
        {message.source === "email" && (
          <Badge size="2xsmall" color="grey" data-testid="message-via-email">
            via email
          </Badge>
        )}
        {message.broadcast_id && (
          <Link to={`/messages/broadcasts/${message.broadcast_id}`} data-testid="message-broadcast-badge">
            <Badge size="2xsmall" color="blue" className="hover:underline">
              Broadcast
            </Badge>
          </Link>
        )}
      </div>
      <div
        className={clx(
          "flex max-w-[80%] flex-col gap-y-2 rounded-xl px-3 py-2",
          fromOwner
            ? "bg-ui-bg-highlight shadow-borders-base rounded-tr-sm"
            : "bg-ui-bg-component shadow-borders-base rounded-tl-sm"
        )}
      >
        {message.body && (
          <Text size="small" className="text-ui-fg-base whitespace-pre-wrap break-words" data-testid="message-body">
            <LinkifiedText text={message.body} />
          </Text>
        )}
        {message.attachments.length > 0 && <MessageAttachments attachments={message.attachments} />}
      </div>
    </article>
  )
}
