import { Form } from "../../lib/dashboard"
import { Input, Textarea } from "@medusajs/ui"
import type { Control } from "react-hook-form"
import { DISABLED_MESSAGE_HINT, type GroupFormValues } from "./group-form-schema"

export const GroupDisabledMessageField = ({ control }: { control: Control<GroupFormValues> }) => (
  <Form.Field
    control={control}
    name="messaging_disabled_message"
    render={({ field }) => (
      <Form.Item>
        <Form.Label optional>Message when messaging is off</Form.Label>
        <Form.Control>
          <Textarea rows={4} {...field} />
        </Form.Control>
        <Form.Hint>{DISABLED_MESSAGE_HINT}</Form.Hint>
        <Form.ErrorMessage />
      </Form.Item>
    )}
  />
)

export const GroupNameField = ({ control }: { control: Control<GroupFormValues> }) => (
  <Form.Field
    control={control}
    name="name"
    render={({ field }) => (
      <Form.Item>
        <Form.Label>Name</Form.Label>
        <Form.Control>
          <Input autoComplete="off" {...field} />
        </Form.Control>
        <Form.ErrorMessage />
      </Form.Item>
    )}
  />
)
