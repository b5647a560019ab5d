import { ownerReadStateRoute } from "../../helpers"

export { AUTHENTICATE } from "../../../authenticates-itself"

export const POST = ownerReadStateRoute(true)
