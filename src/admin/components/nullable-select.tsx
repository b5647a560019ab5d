import { Select } from "@medusajs/ui"
import { forwardRef, type AriaAttributes } from "react"

/** Radix Select refuses "" as an item value, so "nothing chosen" gets its own. */
const NONE = "__none__"

/** `id` and `aria-*` come from `Form.Control`: they tie the trigger to its label and error. */
type NullableSelectProps = AriaAttributes & {
  id?: string
  value: string | null
  onChange: (value: string | null) => void
  options: { value: string; label: string }[]
  noneLabel: string
  /** Options still loading: the current value has no label yet. */
  loading?: boolean
}

/** A select whose first choice clears the value (no group, no manager). */
export const NullableSelect = forwardRef<HTMLButtonElement, NullableSelectProps>(
  ({ value, onChange, options, noneLabel, loading = false, ...labelling }, ref) => {
    const unlisted = value !== null && !options.some((option) => option.value === value)

    return (
      <Select
        value={value ?? NONE}
        onValueChange={(next) => onChange(next === NONE ? null : next)}
        disabled={loading}
      >
        <Select.Trigger ref={ref} {...labelling}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={NONE}>{noneLabel}</Select.Item>
          {/* e.g. a manager whose admin account was removed since */}
          {unlisted && <Select.Item value={value}>{loading ? "Loading…" : "Unknown"}</Select.Item>}
          {options.map((option) => (
            <Select.Item key={option.value} value={option.value}>
              {option.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    )
  },
)
NullableSelect.displayName = "NullableSelect"
