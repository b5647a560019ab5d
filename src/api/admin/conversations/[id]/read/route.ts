import { ownerReadStateRoute } from "../../../../utils/owner-read-state-route"

export const POST = ownerReadStateRoute(false)
