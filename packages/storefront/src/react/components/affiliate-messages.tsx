"use client"
import { useEffect, useRef, useState, type ReactNode } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { SendMessageBody } from "../../types/http/index.js"
import { useAffiliateMessagingClient } from "../context.js"
import { refreshMessaging } from "../events.js"
import { useConversations } from "../hooks/use-conversations.js"
import { useMessagingStatus } from "../hooks/use-messaging-status.js"
import { useSendMessage } from "../hooks/use-send-message.js"
import { useLatest } from "../internal/effects.js"
import { useRemote } from "../internal/use-remote.js"
import { useAffiliateMessagingStyles } from "../styles.js"
import { Composer } from "./composer.js"
import { DisabledNotice } from "./disabled-notice.js"
import { ConversationList } from "./conversation-list.js"
import { AlertIcon, BackIcon, ChatIcon, PlusIcon } from "./icons.js"
import { ThreadView } from "./thread-view.js"

export type AffiliateMessagesProps = {
  /** Defaults to the one from `AffiliateMessagingProvider`. */
  client?: AffiliateMessagingClient
  /** The thread to open (e.g. from the URL of a notification email). Later changes open that thread. */
  conversationId?: string | null
  /** Called when the member opens a thread or goes back to the list (null), e.g. to update the URL. */
  onConversationChange?: (conversationId: string | null) => void
  /** Called once when the backend answers 401 (not logged in, or the token expired). */
  onUnauthorized?: () => void
  /**
   * Update from the member's live stream (default true): the list, the badge
   * and an open thread change when something happens, without polling.
   */
  live?: boolean
  /** Without `live`: how often an open thread fetches new messages, in ms (default 10 000). The list polls every 15 s, the status every 30 s. */
  pollMs?: number | false
  /** Heading above the conversation list (default "Messages"). */
  title?: string
  /** Shown in a bar above everything, e.g. who is logged in and a "Log out" button. */
  toolbar?: ReactNode
  /** Locale for dates (default: the browser's). */
  locale?: string
  className?: string
  /** false: don't inject the stylesheet (you include `AFFILIATE_MESSAGING_CSS` yourself). */
  injectStyles?: boolean
}

type View = { kind: "list" } | { kind: "thread"; id: string } | { kind: "new" }

const isUnauthorized = (error: Error | null) => (error as { status?: number } | null)?.status === 401

function NewMessage({
  client,
  teamName,
  hasTeamThread,
  hasOwnThread,
  onSent,
  onSendError,
  onBack,
}: {
  client: AffiliateMessagingClient
  teamName: string | null
  hasTeamThread: boolean
  hasOwnThread: boolean
  onSent: (conversationId: string) => void
  onSendError: (error: Error) => void
  onBack: () => void
}) {
  const [audience, setAudience] = useState<"team" | "member">("team")
  const sender = useSendMessage(client, null, { audience })
  const appends = audience === "team" ? hasTeamThread : hasOwnThread
  const send = async (body: SendMessageBody) => {
    try {
      const { message } = await sender.send(body)
      onSent(message.conversation_id)
    } catch (error) {
      onSendError(error as Error)
      throw error
    }
  }
  return (
    <section className="amsg-main" aria-label="New message" data-testid="amsg-new-message">
      <header className="amsg-thread-header">
        <button type="button" className="amsg-icon-btn amsg-back" aria-label="Back to conversations" onClick={onBack}>
          <BackIcon />
        </button>
        <div>
          <h3 className="amsg-thread-title">New message to the store</h3>
          <p className="amsg-thread-subtitle">
            {appends ? "It will be added to your existing conversation." : "This starts a new conversation."}
          </p>
        </div>
      </header>
      <div className="amsg-scroller">
        <fieldset className="amsg-audience" style={{ marginTop: 12 }}>
          <legend className="amsg-audience-legend">Who should see it?</legend>
          <label className="amsg-choice">
            <input type="radio" name="amsg-audience" checked={audience === "team"} onChange={() => setAudience("team")} />
            <span className="amsg-choice-title">Your team</span>
            <span className="amsg-choice-text">Everyone{teamName ? ` at ${teamName}` : ""} and the store</span>
          </label>
          <label className="amsg-choice">
            <input type="radio" name="amsg-audience" checked={audience === "member"} onChange={() => setAudience("member")} />
            <span className="amsg-choice-title">Only you</span>
            <span className="amsg-choice-text">A private conversation with the store</span>
          </label>
        </fieldset>
      </div>
      <div className="amsg-footer">
        <Composer client={client} onSend={send} autoFocus placeholder="Write to the store…" />
      </div>
    </section>
  )
}

/**
 * The affiliate's Messages tab: conversation list (team thread and the
 * member's own), the open thread with attachments and "Load older messages",
 * a composer, an empty state that writes to the store, and the store's text
 * instead of the composer when messaging is off for the member's group.
 */
export function AffiliateMessages({
  client: clientProp,
  conversationId,
  onConversationChange,
  onUnauthorized,
  live = true,
  pollMs = 10_000,
  title = "Messages",
  toolbar,
  locale,
  className,
  injectStyles = true,
}: AffiliateMessagesProps) {
  const client = useAffiliateMessagingClient(clientProp)
  const root = useRef<HTMLDivElement>(null)
  useAffiliateMessagingStyles(root, injectStyles)

  const [view, setView] = useState<View>(conversationId ? { kind: "thread", id: conversationId } : { kind: "list" })
  useEffect(() => {
    if (conversationId) {
      setView({ kind: "thread", id: conversationId })
    }
  }, [conversationId])
  const changed = useLatest(onConversationChange)
  const open = (next: View) => {
    setView(next)
    changed.current?.(next.kind === "thread" ? next.id : null)
  }

  const status = useMessagingStatus(client, { live })
  const list = useConversations(client, { live })
  const account = useRemote(client, "account", () => client.account.retrieve(), { refreshOnChange: false })
  const memberId = account.data?.member.id ?? null
  const canWrite = status.enabled !== false

  const unauthorized = [status.error, list.error, account.error].some(isUnauthorized)
  const unauthorizedCallback = useLatest(onUnauthorized)
  useEffect(() => {
    if (unauthorized) {
      unauthorizedCallback.current?.()
    }
  }, [unauthorized, unauthorizedCallback])

  const onSendError = (error: Error) => {
    const code = (error as { status?: number }).status
    if (code === 403 || code === 409) {
      refreshMessaging(client)
    }
    if (code === 401) {
      unauthorizedCallback.current?.()
    }
  }

  const conversations = list.conversations
  const hasTeamThread = conversations.some((conversation) => !conversation.member)
  const hasOwnThread = conversations.some((conversation) => conversation.member)
  const selectedId = view.kind === "thread" ? view.id : null
  const teamName = account.data?.affiliate.name ?? conversations[0]?.affiliate.name ?? null
  const firstLoad = list.loading && !list.error

  let content: ReactNode
  if (unauthorized) {
    content = (
      <div className="amsg-center" role="alert">
        <p className="amsg-center-title">Please log in again</p>
        <p className="amsg-center-text">Your session has ended. Log in to see your messages.</p>
      </div>
    )
  } else if (firstLoad) {
    content = (
      <div className="amsg-center amsg-muted" aria-busy="true">
        <span className="amsg-spin" aria-hidden="true" />
        Loading messages…
      </div>
    )
  } else if (list.error && conversations.length === 0) {
    content = (
      <div className="amsg-center">
        <p className="amsg-alert" role="alert">
          <AlertIcon />
          {list.error.message}
        </p>
        <button type="button" className="amsg-btn" data-variant="secondary" onClick={() => void list.refresh()}>
          Try again
        </button>
      </div>
    )
  } else if (conversations.length === 0 && view.kind !== "thread") {
    content = (
      <div className="amsg-center" data-testid="amsg-empty">
        <span className="amsg-center-icon">
          <ChatIcon />
        </span>
        <h2 className="amsg-center-title">No messages yet</h2>
        {canWrite ? (
          <>
            <p className="amsg-center-text">
              Questions about commissions, payouts or a campaign? Write to the store — everyone on your team will see
              the conversation.
            </p>
            <div className="amsg-center-body">
              <EmptyComposer client={client} onSent={(id) => open({ kind: "thread", id })} onSendError={onSendError} />
            </div>
          </>
        ) : (
          <div className="amsg-center-body">
            <DisabledNotice message={status.disabled_message} />
          </div>
        )}
      </div>
    )
  } else {
    content = (
      <div className="amsg-app">
        <nav className="amsg-sidebar" aria-label="Conversations">
          <div className="amsg-sidebar-header">
            <h2 className="amsg-heading">{title}</h2>
            {canWrite && (
              <button
                type="button"
                className="amsg-btn"
                data-variant="ghost"
                onClick={() => open({ kind: "new" })}
              >
                <PlusIcon /> New
              </button>
            )}
          </div>
          {list.error && (
            <p className="amsg-alert" role="alert" style={{ margin: "0 12px 8px" }}>
              <AlertIcon />
              {list.error.message}
            </p>
          )}
          <ConversationList
            conversations={conversations}
            selectedId={selectedId}
            onSelect={(id) => open({ kind: "thread", id })}
            locale={locale}
          />
        </nav>
        {view.kind === "thread" ? (
          <ThreadView
            key={view.id}
            client={client}
            conversationId={view.id}
            memberId={memberId}
            canWrite={canWrite}
            disabledMessage={status.disabled_message}
            onBack={() => open({ kind: "list" })}
            onSendError={onSendError}
            live={live}
            pollMs={pollMs}
            locale={locale}
          />
        ) : view.kind === "new" ? (
          <NewMessage
            client={client}
            teamName={teamName}
            hasTeamThread={hasTeamThread}
            hasOwnThread={hasOwnThread}
            onSent={(id) => open({ kind: "thread", id })}
            onSendError={onSendError}
            onBack={() => open({ kind: "list" })}
          />
        ) : (
          <section className="amsg-main" aria-label="No conversation open">
            <div className="amsg-center">
              <span className="amsg-center-icon">
                <ChatIcon />
              </span>
              <p className="amsg-center-title">Your conversations with the store</p>
              <p className="amsg-center-text">
                {canWrite
                  ? "Choose a conversation, or start a new one."
                  : "Choose a conversation to read it."}
              </p>
              {!canWrite && (
                <div className="amsg-center-body">
                  <DisabledNotice message={status.disabled_message} />
                </div>
              )}
            </div>
          </section>
        )}
      </div>
    )
  }

  return (
    <div
      ref={root}
      className={className ? `amsg-root ${className}` : "amsg-root"}
      data-view={view.kind === "list" ? "list" : "thread"}
      data-testid="amsg-root"
    >
      {toolbar && <div className="amsg-topbar">{toolbar}</div>}
      {content}
    </div>
  )
}

function EmptyComposer({
  client,
  onSent,
  onSendError,
}: {
  client: AffiliateMessagingClient
  onSent: (conversationId: string) => void
  onSendError: (error: Error) => void
}) {
  const sender = useSendMessage(client, null, { audience: "team" })
  return (
    <Composer
      client={client}
      label="Message to the store"
      placeholder="Write to the store…"
      onSend={async (body) => {
        try {
          const { message } = await sender.send(body)
          onSent(message.conversation_id)
        } catch (error) {
          onSendError(error as Error)
          throw error
        }
      }}
    />
  )
}
