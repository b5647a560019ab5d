import { forwardRef, type FormEvent, type FormHTMLAttributes, type KeyboardEvent } from "react"

/**
 * A form that Enter does not submit, except with Cmd/Ctrl (Enter in a textarea
 * is a new line): the submit button or Cmd/Ctrl+Enter sends it.
 */
export const KeyboundForm = forwardRef<HTMLFormElement, FormHTMLAttributes<HTMLFormElement>>(
  ({ onSubmit, onKeyDown, ...rest }, ref) => {
    const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      onSubmit?.(event)
    }

    const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
      if (event.key !== "Enter") {
        return
      }
      const withModifier = event.metaKey || event.ctrlKey
      if (event.target instanceof HTMLTextAreaElement && !withModifier) {
        return
      }
      event.preventDefault()
      if (withModifier) {
        handleSubmit(event)
      }
    }

    return <form {...rest} onSubmit={handleSubmit} onKeyDown={onKeyDown ?? handleKeyDown} ref={ref} />
  },
)
KeyboundForm.displayName = "KeyboundForm"
