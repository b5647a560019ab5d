import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { notificationScenarios } from "../helpers/notification-scenarios"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

// The app's SMTP server is a real one in this process; medusa-config.ts reads
// SMTP_URL when the runner boots the app, so the sink starts first.
const sink = new SmtpSink()
let smtpUrl = ""
beforeAll(async () => {
  await sink.start()
  smtpUrl = sink.url
  process.env.SMTP_URL = smtpUrl
})
afterAll(async () => {
  await sink.stop()
  delete process.env.SMTP_URL
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("email notifications (in-process queue)", () => {
      notificationScenarios(
        () => sink,
        () => ({ api, container: getContainer() })
      )
    })
  },
})
