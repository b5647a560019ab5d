export * from "./affiliate"
export * from "./http"
export * from "./options"
export * from "./messaging"
