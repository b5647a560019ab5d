import type { RouteConfig } from "@medusajs/admin-sdk"
import { Badge } from "@medusajs/ui"
import { flushSync } from "react-dom"
import { createRoot, Root } from "react-dom/client"
import type { AdminConversationListResponse } from "../../../types/http"
import { adminStreamLive, onAdminStreamEvent, onAdminStreamState, startAdminStream } from "../admin-stream"
import { sdk } from "../sdk"
import { onUnreadChange } from "../unread-events"

/** Only while the admin stream is down. */
const FALLBACK_REFRESH_MS = 30_000
const LINK_SELECTOR = 'nav a[href$="/messages"]'

let started = false

/**
 * Steps around Medusa: the unread count next to "Messages" in the sidebar.
 *
 * What: the badge is its own small React root, placed inside the dashboard's
 * sidebar link (`nav a[href$="/messages"]`) and put back after re-renders.
 * Why: a route's `defineRouteConfig` gives its menu item a label, an icon,
 * a rank and a translation namespace (2.19 to 2.21.2), nothing that shows a
 * count, and the dashboard exports no sidebar component to extend.
 * Guards: `NoNewRouteConfigFields` below fails `npm run typecheck` when
 * `RouteConfig` gains a field (look for a badge); the browser test
 * (admin-messages.spec.ts) fails when the badge no longer lands in the
 * Messages link, i.e. when the dashboard's sidebar DOM changes.
 * Remove when: Medusa's route config takes a badge or count for the item.
 *
 * The count comes with the admin stream's `inbox` events (lib/admin-stream.ts,
 * opened here once the signed-in dashboard shows its sidebar); it is fetched
 * (the inbox's cheap `unread_count`, one row requested) when the stream
 * opens or asks for a resync, when a page announces a read-state change, and
 * every 30 s only while the stream is down.
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
      startAdminStream()
      void refresh()
    }
    if (count > 0 && host.parentElement !== link) {
      link.appendChild(host)
    } else if (count === 0 && host.parentElement) {
      host.remove()
    }
  }

  const show = (unread: number) => {
    count = unread
    // rendered before the host is placed, so the sidebar never shows an empty badge
    flushSync(() =>
      root.render(
        <Badge size="2xsmall" color="blue" aria-label={`${count} unread conversations`}>
          {count > 99 ? "99+" : count}
        </Badge>
      )
    )
    host.dataset.count = String(count)
    place()
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
      show(unread_count)
    } catch {
      // signed out or offline: the stream or the next tick tries again
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
  onAdminStreamEvent((event) => {
    if (event.type === "inbox") {
      show(event.data.unread_count)
    } else if (event.type === "resync") {
      void refresh()
    }
  })
  const refreshUnlessLive = () => {
    if (!adminStreamLive()) {
      void refresh()
    }
  }
  // opened (or back): whatever changed before it
  onAdminStreamState(() => {
    if (adminStreamLive()) {
      void refresh()
    }
  })
  document.addEventListener("visibilitychange", refreshUnlessLive)
  window.setInterval(refreshUnlessLive, FALLBACK_REFRESH_MS)
}

/** The fields of Medusa's `RouteConfig` when this seam was written. */
type KnownRouteConfigFields = "label" | "icon" | "nested" | "rank" | "translationNs"

/** Compiles only while `RouteConfig` has no field besides those: a new one may be the badge this seam stands in for. */
export type NoNewRouteConfigFields<New extends never = Exclude<keyof RouteConfig, KnownRouteConfigFields>> = New
