/**
 * medusa-plugin-affiliate-messaging-storefront: the affiliate side of
 * medusa-plugin-affiliate-messaging for storefronts. This entry is the typed
 * client and the browser-safe rules it shares with the server plugin (message
 * and attachment limits, link detection, file sizes); `./react` holds the
 * components and hooks, `./widget` the web component script.
 */
export * from "./client/index.js"
export * from "./types/index.js"
export * from "./shared/attachment-limits.js"
export { formatFileSize } from "./shared/format-file-size.js"
export { splitLinks, type TextPart } from "./shared/linkify.js"
