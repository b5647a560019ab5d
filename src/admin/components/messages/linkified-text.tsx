import { Fragment, useMemo } from "react"
import { splitLinks } from "medusa-plugin-affiliate-messaging-storefront"

/**
 * A message body as React text nodes (so markup in it shows as typed), with
 * web and mail links made clickable; any other scheme stays plain text.
 */
export const LinkifiedText = ({ text }: { text: string }) => {
  const parts = useMemo(() => splitLinks(text), [text])

  return (
    <>
      {parts.map((part, index) =>
        typeof part === "string" ? (
          <Fragment key={index}>{part}</Fragment>
        ) : (
          <a
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover underline"
          >
            {part.label}
          </a>
        )
      )}
    </>
  )
}
