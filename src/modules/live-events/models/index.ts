export { LiveEvent } from "./live-event"
export { StreamTicket } from "./stream-ticket"
