import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import os from "os"
import path from "path"
import { affiliateEmailProvider } from "./src/config"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/** One number for the four per-minute limits (messages and upload requests, both sides), or "off". */
function rateLimitsFromEnv(perMinute: string) {
  if (perMinute === "off") {
    return false as const
  }
  const limit = Number(perMinute)
  return {
    ownerMessagesPerMinute: limit,
    memberMessagesPerMinute: limit,
    ownerUploadsPerMinute: limit,
    memberUploadsPerMinute: limit,
  }
}

/** "files,bytes" (per member: files an hour, bytes a day), or "off". */
function uploadQuotasFromEnv(quotas: string) {
  if (quotas === "off") {
    return false as const
  }
  const [filesPerHour, bytesPerDay] = quotas.split(",").map(Number)
  return { filesPerHour, bytesPerDay }
}

function affiliateEmailsPerHourFromEnv(perHour: string) {
  return perHour === "off" ? (false as const) : Number(perHour)
}

/**
 * The plugin's own config, used by its integration tests: the plugin's
 * `src/` is loaded as the project and its modules are registered here with
 * the options a store would pass to the plugin. Stores do not use this file.
 */
const pluginOptions = {
  autoApproveAffiliates: process.env.AFFILIATE_AUTO_APPROVE === "true",
  storeName: "Test Store",
  // 0: most suites assert one email per message; notifications-delay and
  // notifications-flood turn flood control on
  notificationDelaySeconds: Number(process.env.AFFILIATE_NOTIFICATION_DELAY_SECONDS ?? 0),
  affiliateEmailsPerHour: affiliateEmailsPerHourFromEnv(process.env.AFFILIATE_EMAILS_PER_HOUR ?? "off"),
  // tests only: a shorter "hour" for the cap, so its digest arrives within a test
  affiliateEmailCapPeriodSeconds: Number(process.env.AFFILIATE_EMAIL_CAP_PERIOD_SECONDS ?? 3600),
  // without it the delivery queue runs in process
  redisUrl: process.env.AFFILIATE_QUEUE_REDIS_URL,
  deliveryQueueName: process.env.AFFILIATE_QUEUE_NAME,
  deliveryBackoffMs: 250,
  deliveryMaxBackoffMs: 2_000,
  deliveryAttempts: 200,
  deliveryConcurrency: Number(process.env.AFFILIATE_DELIVERY_CONCURRENCY ?? 5),
  deliveryLockMs: Number(process.env.AFFILIATE_DELIVERY_LOCK_MS ?? 30_000),
  deliveryYieldMs: Number(process.env.AFFILIATE_DELIVERY_YIELD_MS ?? 2_000),
  // generous by default so suites that send many messages are not throttled; "off" disables
  rateLimits: rateLimitsFromEnv(process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE ?? "1000"),
  // generous by default too (10,000 files an hour, 100 GiB a day), so suites that upload much are not refused
  uploadQuotas: uploadQuotasFromEnv(process.env.AFFILIATE_UPLOAD_QUOTAS ?? `10000,${100 * 1024 ** 3}`),
  allowPendingUploads: process.env.AFFILIATE_ALLOW_PENDING_UPLOADS === "true",
  // reply by email, for the suites that set a secret (and maybe their own reply address)
  inboundEmail: process.env.AFFILIATE_INBOUND_SECRET
    ? {
        replyTo: process.env.AFFILIATE_INBOUND_REPLY_TO ?? "reply+{token}@inbound.test-store.dev",
        secret: process.env.AFFILIATE_INBOUND_SECRET,
        maxBytes: Number(process.env.AFFILIATE_INBOUND_MAX_BYTES ?? 35 * 1024 * 1024),
        mailgunSigningKey: process.env.AFFILIATE_MAILGUN_SIGNING_KEY,
        // the built-in transports, for the suites that start them (inbound-transports.spec.ts)
        smtp: process.env.AFFILIATE_INBOUND_SMTP_PORT
          ? { port: Number(process.env.AFFILIATE_INBOUND_SMTP_PORT), host: "127.0.0.1" }
          : undefined,
        imap: process.env.AFFILIATE_INBOUND_IMAP_URL ? { url: process.env.AFFILIATE_INBOUND_IMAP_URL } : undefined,
      }
    : undefined,
  // tests only: a short heartbeat so a spec sees one within a second
  liveUpdates: {
    heartbeatSeconds: Number(process.env.AFFILIATE_LIVE_HEARTBEAT_SECONDS ?? 0.5),
    maxStreamsPerProcess: Number(process.env.AFFILIATE_LIVE_MAX_STREAMS ?? 1000),
  },
}

const uploadRoot =
  process.env.AFFILIATE_UPLOAD_DIR || path.join(os.tmpdir(), `affmsg-uploads-${process.pid}`)

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: true },
  modules: [
    { resolve: "./src/modules/affiliate", options: pluginOptions },
    { resolve: "./src/modules/messaging", options: pluginOptions },
    { resolve: "./src/modules/delivery-queue", options: pluginOptions },
    { resolve: "./src/modules/inbound-email", options: pluginOptions },
    { resolve: "./src/modules/live-events", options: pluginOptions },
    {
      // uploads of the tests land in a temp folder, never in the repository
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              upload_dir: path.join(uploadRoot, "static"),
              private_upload_dir: path.join(uploadRoot, "private"),
            },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          affiliateEmailProvider(
            { url: process.env.SMTP_URL || "smtp://127.0.0.1:2525", from: "Test Store <partners@test-store.dev>", pool: false },
            "./src/providers/nodemailer"
          ),
        ],
      },
    },
  ],
})
