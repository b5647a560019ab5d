"use client"
import { AffiliateMessages, createAffiliateMessagingClient, MessagesBadge } from "medusa-plugin-affiliate-messaging-storefront/react"

// through the storefront's own route (app/api/affiliate): it adds the publishable key and the cookie's token
const client = createAffiliateMessagingClient({ baseUrl: "/api/affiliate" })
export const MessagesTab = (props: { conversationId?: string }) => <AffiliateMessages client={client} {...props} />
export const MessagesCount = () => <MessagesBadge client={client} />
