export * from "./affiliate"
export * from "./messaging"
export * from "./notifications"
