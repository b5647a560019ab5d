/** The inbound log reads the module's list method; this only gives Medusa's query middleware its defaults. */
export const listInboundEmailsQueryConfig = { defaults: ["id"], isList: true }
