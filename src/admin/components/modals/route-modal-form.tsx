import { Prompt } from "@medusajs/ui"
import type { PropsWithChildren } from "react"
import type { FieldValues, UseFormReturn } from "react-hook-form"
import { useBlocker } from "react-router-dom"
import { Form } from "../common/form"

type RouteModalFormProps<TFieldValues extends FieldValues> = PropsWithChildren<{
  form: UseFormReturn<TFieldValues>
  /** Also ask before a change of search params only. */
  blockSearchParams?: boolean
  onClose?: (isSubmitSuccessful: boolean) => void
}>

/** A route modal's form: leaving it with unsaved changes asks first, leaving after a submit does not. */
export const RouteModalForm = <TFieldValues extends FieldValues = any>({
  form,
  blockSearchParams = false,
  children,
  onClose,
}: RouteModalFormProps<TFieldValues>) => {
  const { isDirty } = form.formState

  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    const isSubmitSuccessful = nextLocation.state?.isSubmitSuccessful || currentLocation.state?.isSubmitSuccessful
    if (isSubmitSuccessful) {
      onClose?.(true)
      return false
    }
    const isPathChanged = currentLocation.pathname !== nextLocation.pathname
    const isSearchChanged = currentLocation.search !== nextLocation.search
    if (isPathChanged) {
      onClose?.(false)
    }
    return isDirty && (isPathChanged || (blockSearchParams && isSearchChanged))
  })

  return (
    <Form {...form}>
      {children}
      <Prompt open={blocker.state === "blocked"} variant="confirmation">
        <Prompt.Content>
          <Prompt.Header>
            <Prompt.Title>Are you sure you want to leave this form?</Prompt.Title>
            <Prompt.Description>You have unsaved changes that will be lost if you exit this form.</Prompt.Description>
          </Prompt.Header>
          <Prompt.Footer>
            <Prompt.Cancel onClick={() => blocker.reset?.()} type="button">
              Cancel
            </Prompt.Cancel>
            <Prompt.Action
              onClick={() => {
                blocker.proceed?.()
                onClose?.(false)
              }}
              type="button"
            >
              Continue
            </Prompt.Action>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </Form>
  )
}
