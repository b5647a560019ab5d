export * from "./deliver-affiliate-invite"
export * from "./deliver-message-notification"
export * from "./enqueue-message-notifications"
