export * from "./record-inbound-email"
export * from "./update-inbound-email"
export * from "./reopen-inbound-email"
export * from "./purge-raw-emails"
