import { Button, Divider, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminAffiliate } from "../../../../../types/http"
import { MESSAGE_BODY_MAX_LENGTH } from "../../../../../types/messaging"
import { AudienceFields } from "../../../../components/broadcasts/audience-fields"
import { BodyPreview, MergeTagHelp } from "../../../../components/broadcasts/body-preview"
import { RecipientCount } from "../../../../components/broadcasts/recipient-count"
import { SkipReasons } from "../../../../components/broadcasts/skip-reasons"
import { AttachFilesButton, UploadList, uploadsBlocker } from "../../../../components/messages/attachment-uploads"
import { RouteFocusModal, useRouteModal } from "../../../../lib/dashboard"
import {
  hasAudience,
  useBroadcastPreview,
  useCreateBroadcast,
  type BroadcastAudience,
} from "../../../../hooks/api/broadcasts"
import { useStoreName } from "../../../../hooks/api/store"
import { useAttachmentUploads } from "../../../../hooks/use-attachment-uploads"
import { useDebouncedValue } from "../../../../hooks/use-debounced-value"
import { useDate } from "../../../../hooks/use-date"
import { apiErrorMessage } from "../../../../lib/api-error"
import { unknownMergeTags } from "../../../../lib/merge-tags"

/**
 * New broadcast: one owner message in each recipient affiliate's team
 * thread, so every answer comes back one-to-one. Compose (audience with its
 * live count, body, files, optional schedule), then a confirm step that
 * repeats the count; on create (202) the admin lands on its detail page.
 */
const NewBroadcastPage = () => (
  <RouteFocusModal>
    <NewBroadcastForm />
  </RouteFocusModal>
)

const affiliates = (n: number) => `${n.toLocaleString()} affiliate${n === 1 ? "" : "s"}`

const NewBroadcastForm = () => {
  const { handleSuccess } = useRouteModal()
  const { getFullDate } = useDate()
  const [audience, setAudience] = useState<BroadcastAudience>({})
  const [picked, setPicked] = useState<AdminAffiliate[]>([])
  const [body, setBody] = useState("")
  const [scheduleAt, setScheduleAt] = useState("")
  const [step, setStep] = useState<"compose" | "confirm">("compose")
  const uploads = useAttachmentUploads()
  const storeName = useStoreName()
  const create = useCreateBroadcast()

  // one preview request once the picking pauses, not one per click
  const settledAudience = useDebouncedValue(audience, 400)
  const { preview, isFetching, isError, error } = useBroadcastPreview(settledAudience)
  const counting = audience !== settledAudience || isFetching
  const count = hasAudience(settledAudience) ? preview?.recipient_count : undefined

  const scheduledAt = scheduleAt ? new Date(scheduleAt) : null
  const unknownTags = unknownMergeTags(body)
  const blocker = !hasAudience(audience)
    ? "Choose who gets the broadcast"
    : counting || count === undefined
      ? "Counting recipients…"
      : count === 0
        ? "No affiliate would receive it"
        : (uploadsBlocker(uploads) ??
          (!body.trim() && uploads.attachmentIds.length === 0
            ? "Write a message or attach a file"
            : body.trim().length > MESSAGE_BODY_MAX_LENGTH
              ? `A message can have at most ${MESSAGE_BODY_MAX_LENGTH.toLocaleString()} characters`
              : unknownTags.length
                ? `Unknown merge tag ${unknownTags[0]}`
                : scheduledAt && (isNaN(scheduledAt.getTime()) || scheduledAt.getTime() <= Date.now())
                  ? "The schedule must be in the future"
                  : null))

  const send = () =>
    create
      .mutateAsync({
        body: body.trim(),
        audience,
        ...(uploads.attachmentIds.length ? { attachment_ids: uploads.attachmentIds } : {}),
        ...(scheduledAt ? { scheduled_at: scheduledAt.toISOString() } : {}),
      })
      .then(({ broadcast }) => {
        toast.success(broadcast.status === "scheduled" ? "Broadcast scheduled" : "Broadcast is on its way")
        handleSuccess(`/messages/broadcasts/${broadcast.id}`)
      })
      .catch((failure) => {
        toast.error(apiErrorMessage(failure))
        setStep("compose")
      })

  const insertTag = (tag: string) => setBody((current) => `${current}${current && !/\s$/.test(current) ? " " : ""}${tag}`)

  return (
    <>
      <RouteFocusModal.Header />
      <RouteFocusModal.Body className="flex flex-1 flex-col overflow-hidden">
        <div className="flex flex-1 flex-col items-center overflow-y-auto">
          <div className="flex w-full max-w-[720px] flex-col gap-y-6 px-2 py-16">
            <div>
              <RouteFocusModal.Title asChild>
                <Heading>{step === "compose" ? "New broadcast" : "Send this broadcast?"}</Heading>
              </RouteFocusModal.Title>
              <RouteFocusModal.Description asChild>
                <Text size="small" className="text-ui-fg-subtle">
                  Each affiliate gets it in its own team thread, as a message from you: replies come back
                  one-to-one, and no affiliate sees who else got it.
                </Text>
              </RouteFocusModal.Description>
            </div>
            <Divider variant="dashed" />
            {step === "compose" ? (
              <>
                <section className="flex flex-col gap-y-3">
                  <Heading level="h2">To</Heading>
                  <AudienceFields
                    audience={audience}
                    onChange={setAudience}
                    picked={picked}
                    onPickedChange={setPicked}
                  />
                  <RecipientCount
                    active={hasAudience(audience)}
                    counting={counting}
                    count={count}
                    error={isError ? apiErrorMessage(error) : undefined}
                  />
                  {preview && hasAudience(settledAudience) && <SkipReasons skipped={preview.skipped} />}
                </section>
                <Divider variant="dashed" />
                <section className="flex flex-col gap-y-3">
                  <Label htmlFor="broadcast-body" size="small" weight="plus">
                    Message
                  </Label>
                  <Textarea
                    id="broadcast-body"
                    aria-label="Message"
                    rows={6}
                    value={body}
                    onChange={(event) => setBody(event.target.value)}
                    placeholder="Hi {{affiliate.name}}, …"
                  />
                  <MergeTagHelp onInsert={insertTag} />
                  {unknownTags.length > 0 && (
                    <Text size="small" className="text-ui-fg-error" data-testid="unknown-merge-tags">
                      Unknown merge tag{unknownTags.length > 1 ? "s" : ""}: {unknownTags.join(", ")}
                    </Text>
                  )}
                  <div className="flex items-center gap-x-2">
                    <AttachFilesButton uploads={uploads} />
                    <Text size="xsmall" className="text-ui-fg-muted">
                      Attach files: every recipient gets the same ones
                    </Text>
                  </div>
                  <UploadList uploads={uploads} />
                  {preview && hasAudience(settledAudience) && (
                    <BodyPreview body={body} sample={preview.sample} storeName={storeName} />
                  )}
                </section>
                <Divider variant="dashed" />
                <section className="flex flex-col gap-y-2">
                  <Label htmlFor="broadcast-schedule" size="small" weight="plus">
                    Schedule <span className="text-ui-fg-muted font-normal">(optional)</span>
                  </Label>
                  <Input
                    id="broadcast-schedule"
                    type="datetime-local"
                    style={{ width: 256 }}
                    value={scheduleAt}
                    onChange={(event) => setScheduleAt(event.target.value)}
                  />
                  <Text size="xsmall" className="text-ui-fg-muted">
                    Empty: sent now. The recipients are counted again when sending starts.
                  </Text>
                </section>
              </>
            ) : (
              <section className="flex flex-col gap-y-3" data-testid="broadcast-confirm">
                <Text size="base" weight="plus" data-testid="confirm-count">
                  {scheduledAt
                    ? `Scheduled for ${getFullDate({ date: scheduledAt.toISOString(), includeTime: true })} to ${affiliates(count ?? 0)}.`
                    : `This goes to ${affiliates(count ?? 0)} now.`}
                </Text>
                {preview && <SkipReasons skipped={preview.skipped} />}
                <Text size="small" className="text-ui-fg-subtle">
                  Messages cannot be edited or taken back once delivered; cancelling stops only those not sent
                  yet.
                  {uploads.attachmentIds.length > 0 &&
                    ` ${uploads.attachmentIds.length} file${uploads.attachmentIds.length === 1 ? "" : "s"} attached.`}
                </Text>
                {preview && <BodyPreview body={body} sample={preview.sample} storeName={storeName} />}
              </section>
            )}
          </div>
        </div>
      </RouteFocusModal.Body>
      <RouteFocusModal.Footer>
        <div className="flex items-center justify-end gap-x-2">
          {step === "compose" ? (
            <>
              <RouteFocusModal.Close asChild>
                <Button size="small" variant="secondary">
                  Cancel
                </Button>
              </RouteFocusModal.Close>
              <Button size="small" disabled={Boolean(blocker)} onClick={() => setStep("confirm")}>
                {blocker ?? `Review: ${affiliates(count ?? 0)}`}
              </Button>
            </>
          ) : (
            <>
              <Button size="small" variant="secondary" onClick={() => setStep("compose")} disabled={create.isPending}>
                Back
              </Button>
              <Button size="small" onClick={send} isLoading={create.isPending}>
                {scheduledAt ? `Schedule for ${affiliates(count ?? 0)}` : `Send to ${affiliates(count ?? 0)}`}
              </Button>
            </>
          )}
        </div>
      </RouteFocusModal.Footer>
    </>
  )
}

export default NewBroadcastPage
