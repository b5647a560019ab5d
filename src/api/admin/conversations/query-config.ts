/**
 * The inbox and thread read paths run their own index-backed SQL (see the
 * messaging module's queries.ts); these configs only give Medusa's query
 * middleware the pagination defaults.
 */
export const listConversationsQueryConfig = { defaults: ["id"], isList: true }
export const retrieveConversationQueryConfig = { defaults: ["id"], isList: false }
export const listMessagesQueryConfig = { defaults: ["id"], isList: true }
