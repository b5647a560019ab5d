import { Form } from "../../lib/dashboard"
import { Input } from "@medusajs/ui"
import type { Control } from "react-hook-form"
import { NullableSelect } from "../nullable-select"
import type { AffiliateFormValues } from "./affiliate-form-schema"
import { useGroupChoices, useManagerChoices } from "./use-affiliate-choices"

/** Name, email, group and manager: the fields create and edit share. */
export const AffiliateDetailsFields = ({ control }: { control: Control<AffiliateFormValues> }) => {
  const groups = useGroupChoices()
  const managers = useManagerChoices()

  return (
    <>
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
      <Form.Field
        control={control}
        name="email"
        render={({ field }) => (
          <Form.Item>
            <Form.Label>Email</Form.Label>
            <Form.Control>
              <Input autoComplete="off" {...field} />
            </Form.Control>
            <Form.Hint>The team's contact address; each member signs in with their own.</Form.Hint>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
      <Form.Field
        control={control}
        name="group_id"
        render={({ field: { onChange, value, ref } }) => (
          <Form.Item>
            <Form.Label optional>Group</Form.Label>
            <Form.Control>
              <NullableSelect
                ref={ref}
                value={value}
                onChange={onChange}
                options={groups.choices}
                loading={groups.isPending}
                noneLabel="No group"
              />
            </Form.Control>
            <Form.Hint>A group can turn messaging off for its affiliates.</Form.Hint>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
      <Form.Field
        control={control}
        name="manager_id"
        render={({ field: { onChange, value, ref } }) => (
          <Form.Item>
            <Form.Label optional>Manager</Form.Label>
            <Form.Control>
              <NullableSelect
                ref={ref}
                value={value}
                onChange={onChange}
                options={managers.choices}
                loading={managers.isPending}
                noneLabel="None"
              />
            </Form.Control>
            <Form.Hint>The admin user emailed when this affiliate writes.</Form.Hint>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
    </>
  )
}
