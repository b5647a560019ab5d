export * from "./deliver-affiliate-invite"
export * from "./deliver-message-notifications"
export * from "./enqueue-message-notifications"
export * from "./deliver-notification-digest"
