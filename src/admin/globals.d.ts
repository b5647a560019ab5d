// Defined by Medusa's admin bundler for every admin extension.
declare const __BACKEND_URL__: string | undefined
declare const __AUTH_TYPE__: "session" | "jwt" | undefined
declare const __JWT_TOKEN_STORAGE_KEY__: string | undefined
declare const __BASE__: string | undefined
