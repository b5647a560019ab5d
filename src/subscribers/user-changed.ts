import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { UserWorkflowEvents } from "@medusajs/framework/utils"
import { adminNameMemo } from "../utils/admin-name-memo"

/**
 * A renamed or deleted admin: its next send reads it again from Medusa's
 * User Module (decision 0045), at once in the process that hears the event.
 */
export default async function userChangedHandler({ event }: SubscriberArgs<{ id: string }>) {
  adminNameMemo.delete(event.data.id)
}

export const config: SubscriberConfig = {
  event: [UserWorkflowEvents.UPDATED, UserWorkflowEvents.DELETED],
}
