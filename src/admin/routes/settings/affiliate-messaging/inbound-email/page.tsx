import { InboundEmailTable } from "../../../../components/inbound-email/inbound-email-table"

/** Settings → Affiliate messaging → Inbound email: the reply-by-email log. */
const InboundEmailPage = () => <InboundEmailTable />

export const handle = {
  breadcrumb: () => "Inbound email",
}

export default InboundEmailPage
