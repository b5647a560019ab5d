/** See the admin inbox's query-config: the read paths run their own SQL. */
export const listConversationsQueryConfig = { defaults: ["id"], isList: true }
export const retrieveConversationQueryConfig = { defaults: ["id"], isList: false }
export const listMessagesQueryConfig = { defaults: ["id"], isList: true }
