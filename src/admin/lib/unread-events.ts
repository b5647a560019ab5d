/**
 * The sidebar badge lives outside the dashboard's React tree (see
 * medusa-seams/sidebar-unread-badge.tsx), so pages tell it through a window event when the
 * shared read state may have changed.
 */
const UNREAD_CHANGED = "affiliate-messaging:unread-changed"

export const announceUnreadChange = () => window.dispatchEvent(new Event(UNREAD_CHANGED))

export const onUnreadChange = (listener: () => void) => {
  window.addEventListener(UNREAD_CHANGED, listener)
  return () => window.removeEventListener(UNREAD_CHANGED, listener)
}
