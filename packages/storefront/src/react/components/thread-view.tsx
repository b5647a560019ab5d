import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { StoreMessage, SendMessageBody } from "../../types/http/index.js"
import { useSendMessage } from "../hooks/use-send-message.js"
import { useThread } from "../hooks/use-thread.js"
import { toError } from "../internal/effects.js"
import { conversationTitle, dayKey, dayLabel, fullDate, timeOfDay } from "../internal/format.js"
import { MessageAttachments } from "./attachments.js"
import { Composer } from "./composer.js"
import { DisabledNotice } from "./disabled-notice.js"
import { AlertIcon, BackIcon } from "./icons.js"
import { LinkifiedText } from "./linkified-text.js"

/**
 * Whose message a bubble shows, seen from the reading member (the server's
 * `ViewerSide` is the reader's own side): the store's admins (`store`), the
 * member itself, another member of its team, or the system. The values are
 * the bubbles' `data-side`, which stores' CSS may target.
 */
type AuthorSide = "store" | "self" | "team" | "system"

const authorSideOf = (message: StoreMessage, memberId: string | null): AuthorSide =>
  message.author_type === "system"
    ? "system"
    : message.author_type === "owner"
      ? "store"
      : !memberId || message.author.id === memberId
        ? "self"
        : "team"

const GROUP_WINDOW_MS = 5 * 60_000

function Bubble({
  client,
  message,
  side,
  grouped,
  locale,
}: {
  client: AffiliateMessagingClient
  message: StoreMessage
  side: AuthorSide
  grouped: boolean
  locale?: string
}) {
  if (side === "system") {
    return (
      <li className="amsg-system" data-testid="amsg-message" data-side="system">
        <LinkifiedText text={message.body} />
      </li>
    )
  }
  const author = side === "self" ? "You" : message.author.name
  return (
    <li className="amsg-msg" data-side={side} data-grouped={grouped} data-testid="amsg-message" data-message-id={message.id}>
      <span className="amsg-meta">
        <span className="amsg-author">{author}</span>
        <time dateTime={message.created_at} title={fullDate(message.created_at, locale)}>
          {timeOfDay(message.created_at, locale)}
        </time>
        {message.source === "email" && (
          <span className="amsg-via" data-testid="amsg-via-email">
            via email
          </span>
        )}
      </span>
      {grouped && (
        <span className="amsg-sr-only">
          {author}, {timeOfDay(message.created_at, locale)}
        </span>
      )}
      {message.body && (
        <p className="amsg-bubble" data-testid="amsg-message-body" title={grouped ? fullDate(message.created_at, locale) : undefined}>
          <LinkifiedText text={message.body} />
        </p>
      )}
      {message.attachments.length > 0 && <MessageAttachments client={client} attachments={message.attachments} />}
    </li>
  )
}

export type ThreadViewProps = {
  client: AffiliateMessagingClient
  conversationId: string
  memberId: string | null
  /** false: show `disabledMessage` instead of the composer. */
  canWrite: boolean
  disabledMessage: string | null
  onBack?: () => void
  onSendError?: (error: Error) => void
  live?: boolean
  pollMs?: number | false
  locale?: string
}

/**
 * One conversation: header, messages oldest first with day separators and
 * "Load older messages", new ones announced politely, and the composer (or
 * the store's text when messaging is off).
 */
export function ThreadView({
  client,
  conversationId,
  memberId,
  canWrite,
  disabledMessage,
  onBack,
  onSendError,
  live,
  pollMs,
  locale,
}: ThreadViewProps) {
  const thread = useThread(client, conversationId, { live, pollMs })
  const sender = useSendMessage(client, conversationId)
  const scroller = useRef<HTMLOListElement>(null)
  const edges = useRef<{ first?: string; last?: string; fromBottom: number }>({ fromBottom: 0 })
  const stick = useRef(true)
  const [announcement, setAnnouncement] = useState("")
  const [olderError, setOlderError] = useState<string | null>(null)

  const messages = thread.messages
  const first = messages[0]?.id
  const last = messages[messages.length - 1]?.id

  // open at the newest; keep the reading position when older pages arrive;
  // follow new messages when at the bottom or when they are ours
  useLayoutEffect(() => {
    const element = scroller.current
    const previous = edges.current
    if (element) {
      if (previous.first && first !== previous.first && last === previous.last) {
        element.scrollTop = element.scrollHeight - previous.fromBottom
      } else if (last !== previous.last) {
        const newest = messages[messages.length - 1]
        if (!previous.last || stick.current || (newest && authorSideOf(newest, memberId) === "self")) {
          element.scrollTop = element.scrollHeight
        }
      }
    }
    edges.current = { first, last, fromBottom: element ? element.scrollHeight - element.scrollTop : 0 }
  }, [first, last, messages, memberId])

  // announce messages from others that arrive while the thread is open
  const seen = useRef<{ id: string | null; ids: Set<string> }>({ id: null, ids: new Set() })
  useEffect(() => {
    if (thread.loading) {
      return
    }
    const known = seen.current
    if (known.id !== conversationId) {
      seen.current = { id: conversationId, ids: new Set(messages.map((message) => message.id)) }
      return
    }
    const fresh = messages.filter((message) => !known.ids.has(message.id))
    fresh.forEach((message) => known.ids.add(message.id))
    const incoming = fresh.filter((message) => authorSideOf(message, memberId) !== "self")
    const newest = incoming[incoming.length - 1]
    if (newest && newest.id === last) {
      const preview = newest.body ? `: ${newest.body.slice(0, 140)}` : ` with ${newest.attachments.length} attachment(s)`
      setAnnouncement(`New message from ${newest.author.name}${preview}`)
    }
  }, [messages, last, conversationId, thread.loading, memberId])

  // images change the height after they load
  useEffect(() => {
    const element = scroller.current
    if (!element) {
      return
    }
    const onScroll = () => {
      stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80
      edges.current.fromBottom = element.scrollHeight - element.scrollTop
    }
    const onLoad = () => {
      if (stick.current) {
        element.scrollTop = element.scrollHeight
      }
      edges.current.fromBottom = element.scrollHeight - element.scrollTop
    }
    // the pane changing size (window resized, composer grew) keeps the newest message in view
    const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(onLoad)
    resized?.observe(element)
    element.addEventListener("scroll", onScroll, { passive: true })
    element.addEventListener("load", onLoad, true)
    return () => {
      resized?.disconnect()
      element.removeEventListener("scroll", onScroll)
      element.removeEventListener("load", onLoad, true)
    }
  }, [thread.loading])

  const loadOlder = async () => {
    setOlderError(null)
    try {
      await thread.loadOlder()
    } catch (error) {
      setOlderError(toError(error).message)
    }
  }

  const send = async (body: SendMessageBody) => {
    stick.current = true
    try {
      return await sender.send(body)
    } catch (error) {
      onSendError?.(toError(error))
      throw error
    }
  }

  const items = useMemo(() => {
    const rows: Array<{ message: StoreMessage; day?: string; grouped: boolean }> = []
    let previous: StoreMessage | undefined
    for (const message of messages) {
      const newDay = !previous || dayKey(previous.created_at) !== dayKey(message.created_at)
      const grouped =
        !newDay &&
        !!previous &&
        previous.author_type !== "system" &&
        previous.author_type === message.author_type &&
        previous.author.id === message.author.id &&
        // the store's side has no author id here: its admins are told apart by name
        previous.author.name === message.author.name &&
        // a grouped message hides its header, where "via email" is shown
        previous.source === message.source &&
        Date.parse(message.created_at) - Date.parse(previous.created_at) < GROUP_WINDOW_MS
      rows.push({ message, day: newDay ? dayLabel(message.created_at, locale) : undefined, grouped })
      previous = message
    }
    return rows
  }, [messages, locale])

  const heading = thread.conversation ? conversationTitle(thread.conversation) : null

  return (
    <section className="amsg-main" aria-label={heading?.title ?? "Conversation"} data-testid="amsg-thread">
      <header className="amsg-thread-header">
        {onBack && (
          <button type="button" className="amsg-icon-btn amsg-back" aria-label="Back to conversations" onClick={onBack}>
            <BackIcon />
          </button>
        )}
        <div>
          <h3 className="amsg-thread-title">{heading?.title ?? (thread.error ? "Conversation" : "Loading…")}</h3>
          {heading && <p className="amsg-thread-subtitle">{heading.subtitle}</p>}
        </div>
      </header>
      <div className="amsg-sr-only" aria-live="polite" aria-atomic="true" data-testid="amsg-live">
        {announcement}
      </div>
      {thread.error ? (
        <div className="amsg-center">
          <p className="amsg-alert" role="alert">
            <AlertIcon />
            {(thread.error as { status?: number }).status === 404
              ? "This conversation could not be found."
              : thread.error.message}
          </p>
        </div>
      ) : (
        <ol className="amsg-scroller" ref={scroller} aria-label="Messages" aria-busy={thread.loading} tabIndex={0}>
          {thread.hasOlder && (
            <li className="amsg-older">
              <button
                type="button"
                className="amsg-btn"
                data-variant="secondary"
                onClick={loadOlder}
                disabled={thread.loadingOlder}
              >
                {thread.loadingOlder ? "Loading…" : "Load older messages"}
              </button>
              {olderError && (
                <p className="amsg-alert" role="alert">
                  <AlertIcon />
                  {olderError}
                </p>
              )}
            </li>
          )}
          {thread.loading && (
            <li className="amsg-center amsg-muted">
              <span className="amsg-spin" aria-hidden="true" /> Loading messages…
            </li>
          )}
          {items.map(({ message, day, grouped }) => (
            <Fragment key={message.id}>
              {day && (
                <li className="amsg-day" aria-hidden="true">
                  {day}
                </li>
              )}
              <Bubble client={client} message={message} side={authorSideOf(message, memberId)} grouped={grouped} locale={locale} />
            </Fragment>
          ))}
        </ol>
      )}
      {!thread.error && (
        <div className="amsg-footer">
          {canWrite ? (
            <Composer client={client} onSend={send} placeholder="Write a reply…" />
          ) : (
            <DisabledNotice message={disabledMessage} />
          )}
        </div>
      )}
    </section>
  )
}
