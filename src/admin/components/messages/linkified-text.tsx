import LinkifyIt from "linkify-it"
import { Fragment, useMemo } from "react"

const linkify = new LinkifyIt()
const SAFE_SCHEMES = /^(https?:|mailto:)/i

/**
 * A message body as React text nodes (so markup in it shows as typed), with
 * web and mail links made clickable; any other scheme stays plain text.
 */
export const LinkifiedText = ({ text }: { text: string }) => {
  const parts = useMemo(() => {
    const matches = (linkify.match(text) ?? []).filter((match) => SAFE_SCHEMES.test(match.url))
    const result: Array<string | { href: string; label: string }> = []
    let cursor = 0
    for (const match of matches) {
      result.push(text.slice(cursor, match.index))
      result.push({ href: match.url, label: match.text })
      cursor = match.lastIndex
    }
    result.push(text.slice(cursor))
    return result
  }, [text])

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
