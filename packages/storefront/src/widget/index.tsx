/**
 * `<affiliate-messages>` and `<affiliate-messages-badge>`: the Messages tab as
 * web components for stores without React. Built into one self-contained
 * script (React included) by scripts/build-widget.mjs:
 *
 *   <script src=".../affiliate-messages.js" defer></script>
 *   <affiliate-messages backend-url="https://api.shop.test" publishable-key="pk_…"></affiliate-messages>
 *
 * Attributes: `backend-url`, `publishable-key`, optional `conversation-id`
 * and `token` (a member's bearer token; without it a login form is shown and
 * the token is kept in localStorage under `amsg:<backend-url>`).
 * The UI lives in a shadow root; theme it with the `--amsg-*` custom
 * properties on the element (they inherit into the shadow root).
 */
import { useEffect, useState, useSyncExternalStore, type FormEvent } from "react"
import { createRoot, type Root } from "react-dom/client"
import { createAffiliateMessagingClient, type AffiliateMessagingClient } from "../client/index.js"
import { AFFILIATE_MESSAGING_CSS } from "../react/styles.js"
import { AffiliateMessages } from "../react/components/affiliate-messages.js"
import { MessagesBadge } from "../react/components/messages-badge.js"

type Config = { backendUrl: string; publishableKey: string; token: string | null }

const normalise = (url: string) => url.trim().replace(/\/+$/, "")
const storageKey = (backendUrl: string) => `amsg:${backendUrl}`

/* ---------- the stored login, shared by every element of one backend ---------- */

const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())

function readToken(backendUrl: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(backendUrl))
  } catch {
    return null
  }
}

function writeToken(backendUrl: string, token: string | null) {
  try {
    if (token) {
      window.localStorage.setItem(storageKey(backendUrl), token)
    } else {
      window.localStorage.removeItem(storageKey(backendUrl))
    }
  } catch {
    // storage unavailable (private mode, sandbox): the login lasts for this page
    memoryTokens.set(backendUrl, token)
  }
  notify()
}

const memoryTokens = new Map<string, string | null>()

function useStoredToken(backendUrl: string): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      const onStorage = (event: StorageEvent) => {
        if (event.key === null || event.key === storageKey(backendUrl)) {
          listener()
        }
      }
      window.addEventListener("storage", onStorage)
      return () => {
        listeners.delete(listener)
        window.removeEventListener("storage", onStorage)
      }
    },
    () => readToken(backendUrl) ?? memoryTokens.get(backendUrl) ?? null
  )
}

/** One client per backend, key and token, so a badge and a Messages tab share refreshes. */
const clients = new Map<string, AffiliateMessagingClient>()
function clientFor(backendUrl: string, publishableKey: string, token: string): AffiliateMessagingClient {
  const key = `${backendUrl}\n${publishableKey}\n${token}`
  let client = clients.get(key)
  if (!client) {
    client = createAffiliateMessagingClient({ baseUrl: backendUrl, publishableKey, token })
    clients.set(key, client)
  }
  return client
}

/* ---------- UI ---------- */

function LoginForm({ backendUrl, publishableKey, notice }: { backendUrl: string; publishableKey: string; notice?: string }) {
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const client = createAffiliateMessagingClient({ baseUrl: backendUrl, publishableKey })
      writeToken(backendUrl, await client.auth.login({ email: email.trim(), password }))
    } catch (caught) {
      const failure = caught as { status?: number; message?: string }
      setError(failure.status === 401 ? "The email or password is not correct." : failure.message || "Could not log in.")
      setBusy(false)
    }
  }

  return (
    <div className="amsg-root" style={{ height: "auto" }} data-testid="amsg-login">
      <div className="amsg-center">
        <h2 className="amsg-center-title">Affiliate messages</h2>
        <p className="amsg-center-text">Log in with your affiliate account to message the store.</p>
        {notice && (
          <p className="amsg-notice" role="status">
            {notice}
          </p>
        )}
        <form className="amsg-form" onSubmit={submit} noValidate={false}>
          <label className="amsg-field">
            Email
            <input
              className="amsg-input"
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label className="amsg-field">
            Password
            <input
              className="amsg-input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          {error && (
            <p className="amsg-alert" role="alert" style={{ margin: 0 }}>
              {error}
            </p>
          )}
          <button type="submit" className="amsg-btn" disabled={busy} style={{ height: 40 }}>
            {busy ? <span className="amsg-spin" aria-hidden="true" /> : null}
            Log in
          </button>
        </form>
      </div>
    </div>
  )
}

function AccountBar({ client, onLogout }: { client: AffiliateMessagingClient; onLogout: () => void }) {
  const [who, setWho] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    client.account
      .retrieve()
      .then(({ affiliate, member }) => {
        const name = [member.first_name, member.last_name].filter(Boolean).join(" ") || member.email
        if (live) {
          setWho(`${name} · ${affiliate.name}`)
        }
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [client])
  return (
    <>
      <span style={{ marginRight: "auto" }}>{who ? `Signed in as ${who}` : ""}</span>
      <button type="button" className="amsg-btn" data-variant="ghost" onClick={onLogout}>
        Log out
      </button>
    </>
  )
}

function MessagesApp({ config, conversationId, host }: { config: Config; conversationId: string | null; host: HTMLElement }) {
  const stored = useStoredToken(config.backendUrl)
  const token = config.token ?? stored
  const [expired, setExpired] = useState(false)

  if (!token) {
    return (
      <LoginForm
        backendUrl={config.backendUrl}
        publishableKey={config.publishableKey}
        notice={expired ? "Your session has ended. Please log in again." : undefined}
      />
    )
  }
  const client = clientFor(config.backendUrl, config.publishableKey, token)
  const logout = () => {
    setExpired(false)
    writeToken(config.backendUrl, null)
  }
  return (
    <AffiliateMessages
      client={client}
      conversationId={conversationId}
      injectStyles={false}
      toolbar={config.token ? undefined : <AccountBar client={client} onLogout={logout} />}
      onConversationChange={(id) =>
        host.dispatchEvent(new CustomEvent("amsg-conversation-change", { detail: { conversationId: id }, bubbles: true }))
      }
      onUnauthorized={() => {
        if (!config.token) {
          setExpired(true)
          writeToken(config.backendUrl, null)
        }
      }}
    />
  )
}

function BadgeApp({ config }: { config: Config }) {
  const stored = useStoredToken(config.backendUrl)
  const token = config.token ?? stored
  return token ? (
    <MessagesBadge client={clientFor(config.backendUrl, config.publishableKey, token)} injectStyles={false} />
  ) : null
}

/* ---------- custom elements ---------- */

const HOST_CSS = `:host{display:block}:host([hidden]){display:none}`
const BADGE_HOST_CSS = `:host{display:inline-flex;vertical-align:middle}:host([hidden]){display:none}`

// defining the classes must not fail where there is no DOM (tsc also compiles this file for Node)
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === "undefined" ? (class {} as unknown as typeof HTMLElement) : HTMLElement

abstract class ReactElement extends ElementBase {
  static observedAttributes = ["backend-url", "publishable-key", "conversation-id", "token"]
  private root: Root | null = null
  protected abstract hostCss: string
  protected abstract renderApp(config: Config): JSX.Element | null

  connectedCallback() {
    if (!this.root) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" })
      const style = document.createElement("style")
      style.setAttribute("data-amsg", "")
      style.textContent = this.hostCss + AFFILIATE_MESSAGING_CSS
      const mount = document.createElement("div")
      shadow.replaceChildren(style, mount)
      this.root = createRoot(mount)
    }
    this.update()
  }

  disconnectedCallback() {
    // moved elements reconnect in the same task: only unmount when really gone
    queueMicrotask(() => {
      if (!this.isConnected && this.root) {
        this.root.unmount()
        this.root = null
      }
    })
  }

  attributeChangedCallback() {
    this.update()
  }

  private update() {
    if (!this.root) {
      return
    }
    const backendUrl = normalise(this.getAttribute("backend-url") ?? "")
    const publishableKey = (this.getAttribute("publishable-key") ?? "").trim()
    if (!backendUrl || !publishableKey) {
      this.root.render(
        <p className="amsg-alert" role="alert">
          {`<${this.localName}> needs the backend-url and publishable-key attributes.`}
        </p>
      )
      return
    }
    this.root.render(this.renderApp({ backendUrl, publishableKey, token: this.getAttribute("token") || null }))
  }
}

export class AffiliateMessagesElement extends ReactElement {
  protected hostCss = HOST_CSS
  protected renderApp(config: Config) {
    return (
      <MessagesApp
        key={`${config.backendUrl}\n${config.publishableKey}`}
        config={config}
        conversationId={this.getAttribute("conversation-id") || null}
        host={this}
      />
    )
  }
}

export class AffiliateMessagesBadgeElement extends ReactElement {
  protected hostCss = BADGE_HOST_CSS
  protected renderApp(config: Config) {
    return <BadgeApp config={config} />
  }
}

if (typeof window !== "undefined" && window.customElements) {
  if (!customElements.get("affiliate-messages")) {
    customElements.define("affiliate-messages", AffiliateMessagesElement)
  }
  if (!customElements.get("affiliate-messages-badge")) {
    customElements.define("affiliate-messages-badge", AffiliateMessagesBadgeElement)
  }
}
