import { zodResolver } from "@hookform/resolvers/zod"
import { KeyboundForm, RouteFocusModal, useRouteModal } from "../../lib/dashboard"
import { Heading, Text, toast } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { useCreateAffiliateGroup } from "../../hooks/api/affiliate-groups"
import { reportFormError } from "../../lib/api-error"
import { SwitchBox } from "../switch-box"
import { GroupDisabledMessageField, GroupNameField } from "./group-form-fields"
import { GroupFormSchema, disabledMessageBody, type GroupFormValues } from "./group-form-schema"
import { FormFooter } from "../form-footer"

export const CreateGroupForm = () => {
  const { handleSuccess } = useRouteModal()
  const { mutate, isPending } = useCreateAffiliateGroup()

  const form = useForm<GroupFormValues>({
    defaultValues: { name: "", messaging_enabled: true, messaging_disabled_message: "" },
    resolver: zodResolver(GroupFormSchema),
  })

  const handleSubmit = form.handleSubmit((values) => {
    mutate(
      {
        ...values,
        messaging_disabled_message: disabledMessageBody(values.messaging_disabled_message),
      },
      {
        onSuccess: ({ affiliate_group }) => {
          toast.success(`Group ${affiliate_group.name} was created`)
          handleSuccess(`/affiliates/groups/${affiliate_group.id}`)
        },
        onError: (error) => reportFormError(form, error, "name"),
      },
    )
  })

  return (
    <RouteFocusModal.Form form={form}>
      <KeyboundForm onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden">
        <RouteFocusModal.Header />
        <RouteFocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
          <div className="flex w-full max-w-[720px] flex-col gap-y-8">
            <div>
              <RouteFocusModal.Title asChild>
                <Heading>Create affiliate group</Heading>
              </RouteFocusModal.Title>
              <RouteFocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Put affiliates in the group from their page. Turning messaging off here applies to
                  all of them.
                </Text>
              </RouteFocusModal.Description>
            </div>
            <div className="flex flex-col gap-y-4">
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <GroupNameField control={form.control} />
              </div>
              <SwitchBox
                control={form.control}
                name="messaging_enabled"
                label="Messaging"
                description="When off, affiliates in this group see the message below in their Messages tab and cannot reply."
              />
              <GroupDisabledMessageField control={form.control} />
            </div>
          </div>
        </RouteFocusModal.Body>
        <FormFooter in="modal" submitLabel="Create" isPending={isPending} />
      </KeyboundForm>
    </RouteFocusModal.Form>
  )
}
