import { Button, Container, Heading, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import type { AdminInboundEmail, InboundEmailStatus } from "../../../types/http"
import { useInboundEmails, useRetryInboundEmail } from "../../hooks/api/inbound-emails"
import { apiErrorMessage } from "../../lib/api-error"
import { INBOUND_STATUS_WORDS, inboundOutcomeWords } from "../../lib/inbound-email-words"

const PAGE_SIZE = 20
const ALL = "all"

/** The inbound email log: every email received for reply by email and what became of it. */
export const InboundEmailTable = () => {
  const [page, setPage] = useState(0)
  const [status, setStatus] = useState<InboundEmailStatus | typeof ALL>(ALL)
  const { inbound_emails, count = 0, isPending, isError, error } = useInboundEmails({
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    status: status === ALL ? undefined : status,
  })
  if (isError) {
    throw error
  }
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading>Inbound email</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Replies to notification emails, and what became of each. Raw emails are kept 30 days.
          </Text>
        </div>
        <div className="w-[180px]">
          <Select
            value={status}
            onValueChange={(value) => {
              setStatus(value as InboundEmailStatus | typeof ALL)
              setPage(0)
            }}
          >
            <Select.Trigger aria-label="Status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All statuses</Select.Item>
              {(Object.keys(INBOUND_STATUS_WORDS) as InboundEmailStatus[]).map((key) => (
                <Select.Item key={key} value={key}>
                  {INBOUND_STATUS_WORDS[key].label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Received</Table.HeaderCell>
            <Table.HeaderCell>From</Table.HeaderCell>
            <Table.HeaderCell>Via</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>What happened</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(inbound_emails ?? []).map((entry) => (
            <InboundEmailRow key={entry.id} entry={entry} />
          ))}
        </Table.Body>
      </Table>
      {!isPending && !inbound_emails?.length ? (
        <div className="px-6 py-8">
          <Text size="small" className="text-ui-fg-subtle">
            No inbound emails yet.
          </Text>
        </div>
      ) : null}
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={page}
        pageCount={pageCount}
        canPreviousPage={page > 0}
        canNextPage={page + 1 < pageCount}
        previousPage={() => setPage((current) => Math.max(0, current - 1))}
        nextPage={() => setPage((current) => current + 1)}
      />
    </Container>
  )
}

const InboundEmailRow = ({ entry }: { entry: AdminInboundEmail }) => {
  const { mutate, isPending } = useRetryInboundEmail()
  const words = INBOUND_STATUS_WORDS[entry.status]
  const retry = () =>
    mutate(entry.id, {
      onSuccess: () => toast.success("Queued again"),
      onError: (error) => toast.error(apiErrorMessage(error)),
    })
  return (
    <Table.Row>
      <Table.Cell className="whitespace-nowrap">{new Date(entry.received_at).toLocaleString()}</Table.Cell>
      <Table.Cell>{entry.from ?? "—"}</Table.Cell>
      <Table.Cell>{entry.transport}</Table.Cell>
      <Table.Cell>
        <StatusBadge color={words.color}>{words.label}</StatusBadge>
      </Table.Cell>
      <Table.Cell className="max-w-[360px] whitespace-normal">
        {inboundOutcomeWords(entry)}
        {entry.conversation_id ? (
          <>
            {" "}
            <Link
              to={`/messages/${encodeURIComponent(entry.conversation_id)}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
            >
              Open conversation
            </Link>
          </>
        ) : null}
      </Table.Cell>
      <Table.Cell className="text-right">
        {entry.status === "failed" ? (
          <Button size="small" variant="secondary" isLoading={isPending} onClick={retry}>
            Retry
          </Button>
        ) : null}
      </Table.Cell>
    </Table.Row>
  )
}
