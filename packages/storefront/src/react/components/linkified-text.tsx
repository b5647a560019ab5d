import { Fragment, useMemo } from "react"
import { splitLinks } from "../../shared/linkify.js"

/**
 * A message body as React text nodes (markup shows as typed) with http(s) and
 * mailto links made clickable; other schemes stay text.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts = useMemo(() => splitLinks(text), [text])
  return (
    <>
      {parts.map((part, index) =>
        typeof part === "string" ? (
          <Fragment key={index}>{part}</Fragment>
        ) : (
          <a key={index} className="amsg-link" href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.label}
          </a>
        )
      )}
    </>
  )
}
