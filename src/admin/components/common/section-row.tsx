import { Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

export type SectionRowProps = {
  title: string
  value?: ReactNode
  actions?: ReactNode
}

/** A label and its value, one row of a detail page's section. */
export const SectionRow = ({ title, value, actions }: SectionRowProps) => (
  <div
    className={clx("text-ui-fg-subtle grid w-full grid-cols-2 items-center gap-4 px-6 py-4", {
      "grid-cols-[1fr_1fr_28px]": !!actions,
    })}
  >
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    {typeof value === "string" || !value ? (
      <Text size="small" leading="compact" className="whitespace-pre-line text-pretty">
        {value ?? "-"}
      </Text>
    ) : (
      <div className="txt-compact-small flex min-w-0 flex-wrap gap-1">{value}</div>
    )}
    {actions && <div>{actions}</div>}
  </div>
)
