import { ownerReadStateRoute } from "../../helpers"

export const POST = ownerReadStateRoute(false)
