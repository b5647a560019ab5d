/**
 * `medusa-plugin-affiliate-messaging-storefront/widget` is a script with no
 * exports: loading it defines these two elements.
 */
declare global {
  interface HTMLElementTagNameMap {
    "affiliate-messages": HTMLElement
    "affiliate-messages-badge": HTMLElement
  }
}

export {}
