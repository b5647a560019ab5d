import { InfoIcon } from "./icons.js"
import { LinkifiedText } from "./linkified-text.js"

/** The store's text while messaging is disabled for this affiliate, where the composer would be. */
export function DisabledNotice({ message }: { message: string | null | undefined }) {
  return (
    <p className="amsg-notice" role="status" data-testid="amsg-disabled">
      <InfoIcon />
      <span>
        <LinkifiedText text={message ?? "Messaging is currently unavailable."} />
      </span>
    </p>
  )
}
