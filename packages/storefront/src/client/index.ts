import type {
  Attachment,
  StoreConversationListResponse,
  StoreConversationResponse,
  StoreConversationWithMessageResponse,
  MessageListParams,
  StoreMessageListResponse,
  StoreMessageResponse,
  SendMessageBody,
  StoreAcceptAffiliateInvite,
  StoreAffiliateAccountResponse,
  StoreConversationListParams,
  StoreCreateConversationBody,
  StoreMessagingStatusResponse,
  StoreRegisterAffiliate,
  StoreUpdateAffiliateMe,
  StoreMessagingStreamEvent,
  StoreStreamTicketResponse,
} from "../types/http/index.js"
import { type LiveState, openLiveStream, parseStreamEvent } from "./live-stream.js"
import { uploadFiles, type UploadOptions } from "./upload.js"
import {
  type MedusaSdkLike,
  type RequestOptions,
  type StandaloneOptions,
  type Transport,
  sdkTransport,
  standaloneTransport,
  toQueryString,
} from "./transport.js"
import { errorFromResponse } from "./errors.js"

export { AffiliateMessagingError } from "./errors.js"
export type { MedusaSdkLike, StandaloneOptions, Transport } from "./transport.js"
export type { UploadOptions } from "./upload.js"
export { openLiveStream, parseStreamEvent, type LiveState, type LiveStreamOptions, type StreamMessage } from "./live-stream.js"

export type SubscribeOptions = {
  /** The connection's state: `live`, `connecting`, `polling` (the stream is down, `messaging.status()` is polled), `closed`. */
  onState?: (state: LiveState) => void
  /** A failed connection attempt or poll; the client keeps trying. */
  onError?: (error: unknown) => void
  /** Poll interval while the stream is down (default 30 000 ms). */
  pollMs?: number
  /** Failed attempts in a row before polling starts (default 3). */
  failuresBeforePolling?: number
  /** The first retry delay (default 1 000 ms), doubling per failed attempt up to `maxDelayMs` (default 60 000). */
  minDelayMs?: number
  maxDelayMs?: number
}

export type ClientOptions =
  | StandaloneOptions
  | { sdk: MedusaSdkLike; baseUrl?: string; publishableKey?: string }

const AFFILIATE_AUTH = "/auth/affiliate/emailpass"
const ME = "/store/affiliates/me"

/**
 * The affiliate side of the plugin for storefronts: sign-up and login, the
 * member's account, and the Messages tab's routes. Pass an existing
 * `@medusajs/js-sdk` instance (`{ sdk }`) or a base URL and publishable key.
 *
 * @example
 * const client = createAffiliateMessagingClient({ baseUrl: "https://api.shop.test", publishableKey: "pk_…" })
 * await client.auth.login({ email: "ann@northwind.test", password: "…" })
 * const { messaging } = await client.messaging.status() // { enabled, disabled_message, unread_count }
 */
export function createAffiliateMessagingClient(options: ClientOptions) {
  const transport: Transport =
    "sdk" in options ? sdkTransport(options.sdk, options) : standaloneTransport(options)
  const request = <T>(method: string, path: string, init?: RequestOptions) =>
    transport.request<T>(method, path, init)

  return {
    transport,

    auth: {
      /** Logs a member in; later calls carry its token. */
      async login(credentials: { email: string; password: string }) {
        const { token } = await request<{ token: string }>("POST", AFFILIATE_AUTH, { body: credentials })
        await transport.setToken(token)
        return token
      },
      /**
       * Creates the login (auth identity) of a future member; the client then
       * holds the registration token that `account.signUp` or
       * `account.acceptInvite` need.
       */
      async register(credentials: { email: string; password: string }) {
        const { token } = await request<{ token: string }>("POST", `${AFFILIATE_AUTH}/register`, {
          body: credentials,
        })
        await transport.setToken(token)
        return token
      },
      async logout() {
        await transport.setToken(null)
      },
    },

    account: {
      /** Sign-up after `auth.register`: creates the affiliate and its owner member. Log in afterwards. */
      signUp: (body: StoreRegisterAffiliate) =>
        request<StoreAffiliateAccountResponse>("POST", "/store/affiliates", { body }),
      /** Joins the team that invited this email, after `auth.register`. Log in afterwards. */
      acceptInvite: (body: StoreAcceptAffiliateInvite) =>
        request<StoreAffiliateAccountResponse>("POST", "/store/affiliates/invites/accept", { body }),
      retrieve: () => request<StoreAffiliateAccountResponse>("GET", ME),
      update: (body: StoreUpdateAffiliateMe) => request<StoreAffiliateAccountResponse>("POST", ME, { body }),
    },

    messaging: {
      /** What the Messages tab and its badge need, in one cheap call. */
      status: () => request<StoreMessagingStatusResponse>("GET", `${ME}/messaging`),
    },

    /**
     * Live updates: calls `onEvent` with each event of the member's stream
     * (`message.created`, `conversation.read` / `unread`, `messaging`,
     * `resync`: refetch everything). Gets a one-use ticket for every
     * connection, reconnects with backoff and `Last-Event-ID` (missed events
     * are replayed), and after repeated failures polls `messaging.status()`
     * every 30 s, reported as `messaging` events, while it keeps retrying.
     * Returns the function that stops it.
     *
     * @example
     * const unsubscribe = client.subscribe((event) => {
     *   if (event.type === "messaging") showBadge(event.data.unread_count)
     * })
     */
    subscribe(onEvent: (event: StoreMessagingStreamEvent) => void, options: SubscribeOptions = {}) {
      return openLiveStream({
        ...options,
        connect: async ({ lastEventId, signal }) => {
          const { ticket } = await request<StoreStreamTicketResponse>("POST", `${ME}/stream-tickets`, { signal })
          const publishableKey = (await transport.headers())["x-publishable-api-key"]
          return transport.fetch(`${transport.baseUrl}${ME}/stream${toQueryString({ ticket, publishable_key: publishableKey })}`, {
            headers: { accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
            cache: "no-store",
            signal,
          })
        },
        onMessage: (message) => {
          const event = parseStreamEvent<StoreMessagingStreamEvent>(message)
          if (event) {
            onEvent(event)
          }
        },
        poll: async () => {
          const { messaging } = await request<StoreMessagingStatusResponse>("GET", `${ME}/messaging`)
          onEvent({ type: "messaging", id: null, data: { enabled: messaging.enabled, unread_count: messaging.unread_count } })
        },
      })
    },

    conversations: {
      list: (query: StoreConversationListParams = {}) =>
        request<StoreConversationListResponse>("GET", `${ME}/conversations`, { query }),
      /** Writes to the store: appends to the team (or the member's own) thread, or starts it. */
      create: (body: StoreCreateConversationBody) =>
        request<StoreConversationWithMessageResponse>("POST", `${ME}/conversations`, { body }),
      /** Reading a thread marks it read for this member unless `markRead` is false. */
      retrieve: (id: string, { markRead = true }: { markRead?: boolean } = {}) =>
        request<StoreConversationResponse>("GET", `${ME}/conversations/${encodeURIComponent(id)}`, {
          query: markRead ? {} : { mark_read: false },
        }),
      markRead: (id: string) =>
        request<StoreConversationResponse>("POST", `${ME}/conversations/${encodeURIComponent(id)}/read`),
      /** Oldest first; without a cursor the latest `limit`, `before`/`after` page from a message id. */
      messages: (id: string, query: MessageListParams = {}) =>
        request<StoreMessageListResponse>("GET", `${ME}/conversations/${encodeURIComponent(id)}/messages`, { query }),
      reply: (id: string, body: SendMessageBody) =>
        request<StoreMessageResponse>("POST", `${ME}/conversations/${encodeURIComponent(id)}/messages`, { body }),
    },

    attachments: {
      /** Uploads files (≤ 10) and returns their ids for `attachment_ids`; reports progress in browsers. */
      upload: (files: Blob[], uploadOptions: UploadOptions = {}) =>
        uploadFiles(transport, `${ME}/attachments`, files, uploadOptions),
      /** The file itself (the download route needs the member's token, so `<img src>` cannot fetch it). */
      async download(attachment: Pick<Attachment, "url">, { signal }: { signal?: AbortSignal } = {}) {
        const response = await transport.fetch(`${transport.baseUrl}${attachment.url}`, {
          headers: await transport.headers(),
          signal,
        })
        if (!response.ok) {
          throw await errorFromResponse(response)
        }
        return response.blob()
      },
    },
  }
}

export type AffiliateMessagingClient = ReturnType<typeof createAffiliateMessagingClient>
