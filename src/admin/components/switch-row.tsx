import { Label, Switch, Text } from "@medusajs/ui"

type SwitchRowProps = {
  id: string
  label: string
  description: string
  checked: boolean
  disabled: boolean
  onCheckedChange: (checked: boolean) => void
}

/** A section row whose switch saves at once: label and what it does on the left, the switch on the right. */
export const SwitchRow = ({ id, label, description, checked, disabled, onCheckedChange }: SwitchRowProps) => (
  <div className="flex items-start justify-between gap-x-6 px-6 py-4">
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    <Switch id={id} checked={checked} disabled={disabled} onCheckedChange={onCheckedChange} />
  </div>
)
