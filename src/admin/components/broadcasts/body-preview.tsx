import { Select, Text } from "@medusajs/ui"
import { useState } from "react"
import type { BroadcastAffiliate } from "../../hooks/api/broadcasts"
import { MERGE_TAGS, renderMergeTags } from "../../lib/merge-tags"

/** How to personalise the body: the tags, each insertable with a click. */
export const MergeTagHelp = ({ onInsert }: { onInsert: (tag: string) => void }) => (
  <div className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="merge-tag-help">
    <Text size="xsmall" className="text-ui-fg-muted">
      Merge tags, replaced for each affiliate:
    </Text>
    {MERGE_TAGS.map((each) => (
      <button
        key={each.tag}
        type="button"
        onClick={() => onInsert(each.tag)}
        title={`Insert ${each.description}`}
        className="txt-compact-xsmall bg-ui-bg-component shadow-borders-base hover:bg-ui-bg-base-hover rounded px-1.5 py-0.5 font-mono"
      >
        {each.tag}
      </button>
    ))}
    <Text size="xsmall" className="text-ui-fg-muted">
      ({MERGE_TAGS.map((each) => `${each.tag}: ${each.description}`).join("; ")})
    </Text>
  </div>
)

/**
 * The body as one sample affiliate will read it. Rendered as text, never
 * as HTML: a name such as `<img onerror=…>` shows as typed.
 */
export const BodyPreview = ({
  body,
  sample,
  storeName,
}: {
  body: string
  sample: Pick<BroadcastAffiliate, "id" | "name">[]
  storeName: string | undefined
}) => {
  const [chosenId, setChosenId] = useState<string>()
  const affiliate = sample.find((each) => each.id === chosenId) ?? sample[0]
  if (!affiliate || !body.trim()) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-2" data-testid="body-preview">
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus">
          Preview for
        </Text>
        <Select size="small" value={affiliate.id} onValueChange={setChosenId}>
          <Select.Trigger aria-label="Preview for affiliate" style={{ width: 240 }}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {sample.map((each) => (
              <Select.Item key={each.id} value={each.id}>
                {each.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="bg-ui-bg-highlight shadow-borders-base rounded-xl rounded-tr-sm px-3 py-2">
        <Text size="small" className="whitespace-pre-wrap break-words" data-testid="body-preview-text">
          {renderMergeTags(body.trim(), {
            "affiliate.name": affiliate.name,
            "store.name": storeName ?? "{{store.name}}",
          })}
        </Text>
      </div>
    </div>
  )
}
