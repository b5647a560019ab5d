export * from "./finish-inbound-email"
export * from "./record-inbound-email"
export * from "./retry-inbound-email"
export * from "./purge-raw-emails"
