import { Text } from "@medusajs/ui"

/** The live answer to "how many would get it", from the preview route. */
export const RecipientCount = ({
  active,
  counting,
  count,
  error,
}: {
  active: boolean
  counting: boolean
  count: number | undefined
  error?: string
}) => {
  if (!active) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        Pick at least one group, status, manager or affiliate.
      </Text>
    )
  }
  if (error) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {error}
      </Text>
    )
  }
  return (
    <Text size="small" weight="plus" data-testid="recipient-count" aria-busy={counting} aria-live="polite">
      {count === undefined
        ? "Counting recipients…"
        : `${count.toLocaleString()} affiliate${count === 1 ? "" : "s"} will get it${counting ? " (counting…)" : ""}`}
    </Text>
  )
}
