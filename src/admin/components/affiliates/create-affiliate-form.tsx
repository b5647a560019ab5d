import { zodResolver } from "@hookform/resolvers/zod"
import { Form, KeyboundForm, RouteFocusModal, useRouteModal } from "../../lib/dashboard"
import { Heading, Select, Text, toast } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { useCreateAffiliate } from "../../hooks/api/affiliates"
import { AFFILIATE_STATUS_OPTIONS } from "../../lib/affiliate-status"
import { reportFormError } from "../../lib/api-error"
import { AffiliateDetailsFields } from "./affiliate-details-fields"
import { AffiliateFormSchema, type AffiliateFormValues } from "./affiliate-form-schema"
import { FormFooter } from "../form-footer"

export const CreateAffiliateForm = () => {
  const { handleSuccess } = useRouteModal()
  const { mutate, isPending } = useCreateAffiliate()

  const form = useForm<AffiliateFormValues>({
    // added by hand, so usually already approved; self sign-ups start pending
    defaultValues: { name: "", email: "", status: "active", group_id: null, manager_id: null },
    resolver: zodResolver(AffiliateFormSchema),
  })

  const handleSubmit = form.handleSubmit((values) => {
    mutate(values, {
      onSuccess: ({ affiliate }) => {
        toast.success(`Affiliate ${affiliate.name} was created`)
        handleSuccess(`/affiliates/${affiliate.id}`)
      },
      onError: (error) => reportFormError(form, error, "email"),
    })
  })

  return (
    <RouteFocusModal.Form form={form}>
      <KeyboundForm onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden">
        <RouteFocusModal.Header />
        <RouteFocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
          <div className="flex w-full max-w-[720px] flex-col gap-y-8">
            <div>
              <RouteFocusModal.Title asChild>
                <Heading>Create affiliate</Heading>
              </RouteFocusModal.Title>
              <RouteFocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Add a partner team by hand. Invite its members from the affiliate's page
                  afterwards.
                </Text>
              </RouteFocusModal.Description>
            </div>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <AffiliateDetailsFields control={form.control} />
              <Form.Field
                control={form.control}
                name="status"
                render={({ field: { onChange, ref, ...field } }) => (
                  <Form.Item>
                    <Form.Label>Status</Form.Label>
                    <Form.Control>
                      <Select {...field} onValueChange={onChange}>
                        <Select.Trigger ref={ref}>
                          <Select.Value />
                        </Select.Trigger>
                        <Select.Content>
                          {AFFILIATE_STATUS_OPTIONS.map((option) => (
                            <Select.Item key={option.value} value={option.value}>
                              {option.label}
                            </Select.Item>
                          ))}
                        </Select.Content>
                      </Select>
                    </Form.Control>
                    <Form.Hint>Conversations can only be started with active affiliates.</Form.Hint>
                    <Form.ErrorMessage />
                  </Form.Item>
                )}
              />
            </div>
          </div>
        </RouteFocusModal.Body>
        <FormFooter in="modal" submitLabel="Create" isPending={isPending} />
      </KeyboundForm>
    </RouteFocusModal.Form>
  )
}
