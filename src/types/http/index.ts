/** The HTTP shapes are defined once, in the storefront package, for the routes, the admin and clients. */
export type * from "medusa-plugin-affiliate-messaging-storefront/types"
