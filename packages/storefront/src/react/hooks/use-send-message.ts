"use client"
import { useCallback, useRef, useState } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { StoreConversation, StoreMessage, SendMessageBody } from "../../types/http/index.js"
import { announceMessagingChange } from "../events.js"
import { toError } from "../internal/effects.js"

export type UseSendMessageOptions = {
  /** Which thread `send` creates or appends to when there is no conversation id (default `team`). */
  audience?: "team" | "member"
}

export type SentMessage = { message: StoreMessage; conversation?: StoreConversation }

export type SendMessageState = {
  /** Sends; resolves with the message (and the conversation when it went through `create`), rejects with the server's error. */
  send: (input: SendMessageBody) => Promise<SentMessage>
  sending: boolean
  error: Error | null
  reset: () => void
}

/**
 * Replies in `conversationId`, or, when it is null, writes to the store:
 * `POST /store/affiliates/me/conversations` with `audience`, which appends to
 * that thread or creates it. Threads open on the same client append the
 * message; badge and list refresh.
 */
export function useSendMessage(
  client: AffiliateMessagingClient,
  conversationId: string | null | undefined,
  { audience = "team" }: UseSendMessageOptions = {}
): SendMessageState {
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  const inFlight = useRef(0)

  const send = useCallback(
    async (input: SendMessageBody): Promise<SentMessage> => {
      inFlight.current++
      setSending(true)
      setError(null)
      try {
        const body: SendMessageBody = {
          body: input.body.trim(),
          ...(input.attachment_ids?.length ? { attachment_ids: input.attachment_ids } : {}),
        }
        const result: SentMessage = conversationId
          ? await client.conversations.reply(conversationId, body)
          : await client.conversations.create({ ...body, audience })
        announceMessagingChange(client, {
          kind: "sent",
          conversationId: result.message.conversation_id,
          message: result.message,
          conversation: result.conversation,
        })
        return result
      } catch (caught) {
        const failure = toError(caught)
        setError(failure)
        throw failure
      } finally {
        if (--inFlight.current === 0) {
          setSending(false)
        }
      }
    },
    [client, conversationId, audience]
  )

  return { send, sending, error, reset: useCallback(() => setError(null), []) }
}
