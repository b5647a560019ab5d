import { InformationCircleSolid } from "@medusajs/icons"
import { Hint as UiHint, Label as UiLabel, Text, Tooltip, clx } from "@medusajs/ui"
import {
  Children,
  cloneElement,
  createContext,
  forwardRef,
  isValidElement,
  useContext,
  useId,
  type ComponentPropsWithoutRef,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
} from "react"
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type ControllerProps,
  type FieldPath,
  type FieldValues,
} from "react-hook-form"

/**
 * react-hook-form fields laid out as in Medusa Admin's own forms: label (with
 * "(Optional)"), control, hint and error, tied together by ids for screen readers.
 */
const FieldContext = createContext<{ name: string }>({ name: "" })
const ItemContext = createContext<{ id: string }>({ id: "" })

const Field = <TFieldValues extends FieldValues = FieldValues, TName extends FieldPath<TFieldValues> = FieldPath<TFieldValues>>(
  props: ControllerProps<TFieldValues, TName>,
) => (
  <FieldContext.Provider value={{ name: props.name }}>
    <Controller {...props} />
  </FieldContext.Provider>
)

const useFormField = () => {
  const { name } = useContext(FieldContext)
  const { id } = useContext(ItemContext)
  const { getFieldState } = useFormContext()
  const fieldState = getFieldState(name, useFormState({ name }))
  return {
    ...fieldState,
    itemId: `${id}-form-item`,
    labelId: `${id}-form-item-label`,
    hintId: `${id}-form-item-description`,
    errorId: `${id}-form-item-message`,
  }
}

const Item = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(({ className, ...props }, ref) => {
  const id = useId()
  return (
    <ItemContext.Provider value={{ id }}>
      <div ref={ref} className={clx("flex flex-col space-y-2", className)} {...props} />
    </ItemContext.Provider>
  )
})
Item.displayName = "Form.Item"

type LabelProps = ComponentPropsWithoutRef<typeof UiLabel> & { optional?: boolean; tooltip?: ReactNode; icon?: ReactNode }

const Label = forwardRef<HTMLLabelElement, LabelProps>(({ optional = false, tooltip, icon, ...props }, ref) => {
  const { labelId, itemId } = useFormField()
  return (
    <div className="flex items-center gap-x-1">
      <UiLabel id={labelId} ref={ref} htmlFor={itemId} size="small" weight="plus" {...props} />
      {tooltip && (
        <Tooltip content={tooltip}>
          <InformationCircleSolid className="text-ui-fg-muted" />
        </Tooltip>
      )}
      {icon}
      {optional && (
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          (Optional)
        </Text>
      )}
    </div>
  )
})
Label.displayName = "Form.Label"

/** Gives its one child element the field's id and aria attributes. */
const Control = ({ children }: { children: ReactElement }) => {
  const { error, itemId, hintId, errorId, labelId } = useFormField()
  const child = Children.only(children)
  if (!isValidElement(child)) {
    return child
  }
  return cloneElement(child as ReactElement<Record<string, unknown>>, {
    id: itemId,
    "aria-describedby": error ? `${hintId} ${errorId}` : hintId,
    "aria-invalid": !!error,
    "aria-labelledby": labelId,
  })
}
Control.displayName = "Form.Control"

const Hint = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>((props, ref) => {
  const { hintId } = useFormField()
  return <UiHint ref={ref} id={hintId} {...props} />
})
Hint.displayName = "Form.Hint"

const ErrorMessage = forwardRef<HTMLParagraphElement, HTMLAttributes<HTMLParagraphElement>>(
  ({ children, ...props }, ref) => {
    const { error, errorId } = useFormField()
    const message = error ? String(error.message) : children
    if (!message || message === "undefined") {
      return null
    }
    return (
      <UiHint ref={ref} id={errorId} variant={error ? "error" : "info"} {...props}>
        {message}
      </UiHint>
    )
  },
)
ErrorMessage.displayName = "Form.ErrorMessage"

export const Form = Object.assign(FormProvider, { Item, Label, Control, Hint, ErrorMessage, Field })
