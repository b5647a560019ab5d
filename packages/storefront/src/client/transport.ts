import { AffiliateMessagingError, errorFromResponse, typeForStatus } from "./errors.js"

export type QueryValue = string | number | boolean | undefined | null
export type RequestOptions = {
  query?: Record<string, QueryValue | QueryValue[]>
  body?: unknown
  signal?: AbortSignal
}

/** How the client reaches the backend: its own fetch, or a js-sdk instance. */
export interface Transport {
  readonly baseUrl: string
  /** For requests made outside `request` (multipart uploads, downloads). */
  readonly fetch: typeof fetch
  /** Authorization and publishable key headers for requests made outside `request` (uploads, downloads). */
  headers(): Promise<Record<string, string>>
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>
  setToken(token: string | null): Promise<void>
}

export function toQueryString(query: RequestOptions["query"]): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) {
        params.append(key, String(item))
      }
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

export type StandaloneOptions = {
  /** The Medusa backend, e.g. `https://api.example.com`. */
  baseUrl: string
  /**
   * `x-publishable-api-key`, required by every `/store` route. Leave it out
   * when `baseUrl` is a storefront route of `affiliateMessagingProxy` (`./server`), which adds it.
   */
  publishableKey?: string
  /** A member's bearer token; `auth.login` sets one. */
  token?: string | null
  /** Called when `auth.login` / `auth.logout` change the token, e.g. to keep it in storage. */
  onTokenChange?: (token: string | null) => void
  fetch?: typeof fetch
}

export function standaloneTransport(options: StandaloneOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "")
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis)
  let token = options.token ?? null

  const headers = async (): Promise<Record<string, string>> => ({
    ...(options.publishableKey ? { "x-publishable-api-key": options.publishableKey } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  })

  return {
    baseUrl,
    fetch: fetchImpl,
    headers,
    async setToken(next) {
      token = next
      options.onTokenChange?.(next)
    },
    async request<T>(method: string, path: string, { query, body, signal }: RequestOptions = {}) {
      const response = await fetchImpl(`${baseUrl}${path}${toQueryString(query)}`, {
        method,
        signal,
        headers: {
          ...(await headers()),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!response.ok) {
        throw await errorFromResponse(response)
      }
      return (await response.json()) as T
    },
  }
}

/** The parts of `@medusajs/js-sdk`'s `Medusa` the client uses. */
export type MedusaSdkLike = {
  client: {
    // `body` and `signal` typed so that a real js-sdk `Medusa` instance is assignable (its `FetchArgs`)
    fetch<T>(path: string, init?: { method?: string; body?: any; signal?: AbortSignal | null }): Promise<T>
    getToken(): Promise<string | null | undefined>
    setToken(token: string): Promise<void>
    clearToken(): Promise<void>
  }
}

/**
 * Through an existing js-sdk instance: its base URL, publishable key and
 * token storage are used as configured (use `auth: { type: "jwt" }`).
 */
export function sdkTransport(
  sdk: MedusaSdkLike,
  overrides: { baseUrl?: string; publishableKey?: string } = {}
): Transport {
  // the js-sdk keeps its config private; uploads and downloads need the same values
  const config = (sdk.client as unknown as { config?: { baseUrl?: string; publishableKey?: string } }).config ?? {}
  const baseUrl = overrides.baseUrl ?? config.baseUrl
  const publishableKey = overrides.publishableKey ?? config.publishableKey
  if (!baseUrl || !publishableKey) {
    throw new Error("The Medusa js-sdk instance needs baseUrl and publishableKey (or pass them to the client)")
  }
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    fetch: globalThis.fetch.bind(globalThis),
    async headers() {
      const token = await sdk.client.getToken()
      return {
        "x-publishable-api-key": publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      }
    },
    async setToken(token) {
      await (token ? sdk.client.setToken(token) : sdk.client.clearToken())
    },
    async request<T>(method: string, path: string, { query, body, signal }: RequestOptions = {}) {
      try {
        return await sdk.client.fetch<T>(`${path}${toQueryString(query)}`, { method, body, signal })
      } catch (error) {
        // the js-sdk's FetchError keeps the status and the server's message, not its `type`
        const failure = error as { status?: number; message?: string }
        if (typeof failure?.status === "number") {
          throw new AffiliateMessagingError(failure.status, typeForStatus(failure.status), failure.message ?? "")
        }
        throw error
      }
    },
  }
}
