import { Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  Hint,
  IconButton,
  Input,
  Text,
  Tooltip,
  toast,
} from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { z } from "zod"
import { useUpdateMessagingSettings } from "../../hooks/api/messaging-settings"
import { apiErrorMessage } from "../../lib/api-error"

/** The server's limit on the list. */
const MAX_EMAILS = 20

const emailSchema = z.email()

/**
 * Edits a copy of the saved list; mount it with a `key` of the saved list so
 * a save (or another admin's) starts it afresh.
 */
export const NotificationEmailsSection = ({ saved }: { saved: string[] }) => {
  const [emails, setEmails] = useState(saved)
  const [draft, setDraft] = useState("")
  const [error, setError] = useState<string | null>(null)
  const { mutate, isPending } = useUpdateMessagingSettings()

  const isDirty = emails.join("\n") !== saved.join("\n")

  const add = (event: FormEvent) => {
    event.preventDefault()
    const email = draft.trim().toLowerCase()
    if (!email) {
      return
    }
    if (!emailSchema.safeParse(email).success) {
      setError("Enter a valid email address")
      return
    }
    if (emails.includes(email)) {
      setError("This address is already in the list")
      return
    }
    if (emails.length >= MAX_EMAILS) {
      setError(`At most ${MAX_EMAILS} addresses`)
      return
    }
    setEmails([...emails, email])
    setDraft("")
    setError(null)
  }

  const save = () => {
    mutate(
      { notification_emails: emails },
      {
        onSuccess: () => toast.success("Notification emails saved"),
        onError: (error) => toast.error(apiErrorMessage(error)),
      },
    )
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Notification emails</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          When an affiliate writes, we email the affiliate's manager and every address below. If the
          affiliate has no manager and this list is empty, every admin user gets the email.
        </Text>
      </div>
      {emails.length > 0 ? (
        <ul>
          {emails.map((email) => (
            <li key={email} className="flex items-center justify-between gap-x-4 px-6 py-2">
              <Text size="small" leading="compact" className="truncate">
                {email}
              </Text>
              <Tooltip content="Remove">
                <IconButton
                  size="small"
                  variant="transparent"
                  aria-label={`Remove ${email}`}
                  onClick={() => setEmails(emails.filter((item) => item !== email))}
                >
                  <Trash />
                </IconButton>
              </Tooltip>
            </li>
          ))}
        </ul>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            No extra addresses: only managers are emailed, or every admin user when an affiliate has
            no manager.
          </Text>
        </div>
      )}
      <form onSubmit={add} className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <div className="w-full max-w-[360px]">
            <Input
              size="small"
              placeholder="partners@example.com"
              aria-label="Email address to add"
              aria-invalid={Boolean(error)}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value)
                setError(null)
              }}
            />
          </div>
          <Button size="small" variant="secondary" type="submit" disabled={!draft.trim()}>
            Add
          </Button>
        </div>
        {error && <Hint variant="error">{error}</Hint>}
      </form>
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          type="button"
          disabled={!isDirty || isPending}
          onClick={() => {
            setEmails(saved)
            setError(null)
          }}
        >
          Discard
        </Button>
        <Button size="small" type="button" disabled={!isDirty} isLoading={isPending} onClick={save}>
          Save
        </Button>
      </div>
    </Container>
  )
}
