import { Badge } from "@medusajs/ui"
import { createRoot, Root } from "react-dom/client"
import type { AdminConversationListResponse } from "../../types/http"
import { sdk } from "./sdk"
import { onUnreadChange } from "./unread-events"

const REFRESH_MS = 30_000
const LINK_SELECTOR = 'nav a[href$="/messages"]'

let started = false

/**
 * The unread count next to "Messages" in the sidebar. Menu items of admin
 * extensions are plain labels, so the badge is its own small React root,
 * kept inside the sidebar link across re-renders. It polls the inbox's cheap
 * `unread_count` (one row requested) and refreshes at once when a page
 * announces a read-state change.
 */
export function startSidebarUnreadBadge() {
  if (started || typeof window === "undefined") {
    return
  }
  started = true

  const host = document.createElement("span")
  host.className = "ml-auto flex items-center"
  host.dataset.testid = "sidebar-unread-badge"
  const root: Root = createRoot(host)
  let count = 0
  let loadedOnce = false

  const sidebarLink = () => document.querySelector<HTMLAnchorElement>(LINK_SELECTOR)

  const place = () => {
    const link = sidebarLink()
    if (!link) {
      return
    }
    if (!loadedOnce) {
      loadedOnce = true
      void refresh()
    }
    if (count > 0 && host.parentElement !== link) {
      link.appendChild(host)
    } else if (count === 0 && host.parentElement) {
      host.remove()
    }
  }

  const refresh = async () => {
    if (!sidebarLink() || document.visibilityState === "hidden") {
      return
    }
    try {
      const { unread_count } = await sdk.client.fetch<AdminConversationListResponse>(
        "/admin/conversations",
        { query: { limit: 1 } }
      )
      count = unread_count
      root.render(
        <Badge size="2xsmall" color="blue" aria-label={`${count} unread conversations`}>
          {count > 99 ? "99+" : count}
        </Badge>
      )
      host.dataset.count = String(count)
      place()
    } catch {
      // signed out or offline: the next tick tries again
    }
  }

  let scheduled = false
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true
      requestAnimationFrame(() => {
        scheduled = false
        place()
      })
    }
  }).observe(document.body, { childList: true, subtree: true })

  onUnreadChange(() => void refresh())
  document.addEventListener("visibilitychange", () => void refresh())
  window.setInterval(() => void refresh(), REFRESH_MS)
}
