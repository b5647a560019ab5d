import { zodResolver } from "@hookform/resolvers/zod"
import { KeyboundForm, RouteDrawer, useRouteModal } from "../../lib/dashboard"
import { toast } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import type { AdminAffiliate } from "../../../types/http"
import { useUpdateAffiliate } from "../../hooks/api/affiliates"
import { reportFormError } from "../../lib/api-error"
import { AffiliateDetailsFields } from "./affiliate-details-fields"
import { AffiliateFormSchema, type AffiliateFormValues } from "./affiliate-form-schema"
import { FormFooter } from "../form-footer"

/** Status is changed from the page's menu, with its own confirmations, not here. */
export const EditAffiliateForm = ({ affiliate }: { affiliate: AdminAffiliate }) => {
  const { handleSuccess } = useRouteModal()
  const { mutate, isPending } = useUpdateAffiliate(affiliate.id)

  const form = useForm<AffiliateFormValues>({
    defaultValues: {
      name: affiliate.name,
      email: affiliate.email,
      status: affiliate.status,
      group_id: affiliate.group_id,
      manager_id: affiliate.manager_id,
    },
    resolver: zodResolver(AffiliateFormSchema),
  })

  const handleSubmit = form.handleSubmit(({ status: _status, ...values }) => {
    mutate(values, {
      onSuccess: ({ affiliate }) => {
        toast.success(`Affiliate ${affiliate.name} was updated`)
        handleSuccess()
      },
      onError: (error) => reportFormError(form, error, "email"),
    })
  })

  return (
    <RouteDrawer.Form form={form}>
      <KeyboundForm onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden">
        <RouteDrawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">
          <AffiliateDetailsFields control={form.control} />
        </RouteDrawer.Body>
        <FormFooter in="drawer" submitLabel="Save" isPending={isPending} />
      </KeyboundForm>
    </RouteDrawer.Form>
  )
}
