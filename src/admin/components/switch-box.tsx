import { Form } from "../lib/dashboard"
import { Switch } from "@medusajs/ui"
import type { Control, FieldPath, FieldValues } from "react-hook-form"

type SwitchBoxProps<T extends FieldValues> = {
  control: Control<T>
  name: FieldPath<T>
  label: string
  description: string
}

/** The dashboard's boxed switch with label and hint (not among its public exports). */
export const SwitchBox = <T extends FieldValues>({
  control,
  name,
  label,
  description,
}: SwitchBoxProps<T>) => (
  <Form.Field
    control={control}
    name={name}
    render={({ field: { value, onChange, ...field } }) => (
      <Form.Item>
        <div className="bg-ui-bg-component shadow-elevation-card-rest flex items-start gap-x-3 rounded-lg p-3">
          <Form.Control>
            <Switch {...field} checked={value} onCheckedChange={onChange} />
          </Form.Control>
          <div>
            <Form.Label>{label}</Form.Label>
            <Form.Hint>{description}</Form.Hint>
          </div>
        </div>
        <Form.ErrorMessage />
      </Form.Item>
    )}
  />
)
