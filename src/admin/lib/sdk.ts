import Medusa from "@medusajs/js-sdk"

/** The dashboard's own client settings: same backend, same session. */
export const backendUrl = __BACKEND_URL__ || "/"

export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: {
    type: __AUTH_TYPE__ ?? "session",
    jwtTokenStorageKey: __JWT_TOKEN_STORAGE_KEY__ || undefined,
  },
})

/** An absolute URL on the backend for links the browser follows itself (downloads, XHR). */
export const backendHref = (path: string) =>
  new URL(path, new URL(backendUrl, window.location.origin)).toString()
