/** The broadcast routes read through the messaging module's SQL; these give Medusa's query middleware its defaults. */
export const listBroadcastsQueryConfig = { defaults: ["id"], isList: true }
export const listBroadcastRecipientsQueryConfig = { defaults: ["id"], isList: true }
