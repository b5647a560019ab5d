import { ExclamationCircle } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { OwnerWriteBlock } from "../../lib/owner-write-block"

/** Takes the composer's place when the store may not write in this thread. */
export const ComposerUnavailable = ({ block }: { block: OwnerWriteBlock }) => (
  <div
    data-testid="composer-unavailable"
    className="bg-ui-bg-subtle shadow-borders-base flex items-start justify-between gap-x-4 rounded-lg p-4"
  >
    <div className="flex items-start gap-x-3">
      <ExclamationCircle className="text-ui-fg-subtle mt-0.5 shrink-0" />
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {block.title}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {block.description}
        </Text>
      </div>
    </div>
    <Button size="small" variant="secondary" asChild>
      <Link to={block.action.to}>{block.action.label}</Link>
    </Button>
  </div>
)
