import { affiliateMessagingProxy } from "medusa-plugin-affiliate-messaging-storefront/server"

export const { GET, POST } = affiliateMessagingProxy()
