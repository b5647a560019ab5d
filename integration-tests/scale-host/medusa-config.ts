import { defineConfig } from "@medusajs/framework/utils"
import { affiliateEmailProvider, redisModules } from "medusa-plugin-affiliate-messaging/config"

/**
 * The store of the reliability tests: the README's "Production topology"
 * plus the knobs the tests turn. Everything is read from the environment
 * when `medusa start` runs, so one `medusa build` serves every process:
 * - MEDUSA_WORKER_MODE: `shared` (default), `server` or `worker`;
 * - SCALE_REDIS_URL: Medusa's event bus, workflow engine, cache and locking
 *   in Redis, which several processes need to act as one store;
 * - AFFILIATE_QUEUE_REDIS_URL, AFFILIATE_QUEUE_NAME: the plugin's email
 *   delivery queue (BullMQ);
 * - SMTP_URL, AFFILIATE_UPLOAD_DIR (shared by the processes of one store),
 *   DATABASE_URL, PORT;
 * - AFFILIATE_RATE_LIMIT_PER_MINUTE, AFFILIATE_UPLOAD_QUOTAS,
 *   AFFILIATE_DELIVERY_CONCURRENCY, AFFILIATE_DELIVERY_LOCK_MS;
 * - flood control, off unless set, since most suites assert one email per
 *   message: AFFILIATE_NOTIFICATION_DELAY_SECONDS (default 0),
 *   AFFILIATE_EMAILS_PER_HOUR (a number, default off) and, for tests only,
 *   AFFILIATE_EMAIL_CAP_PERIOD_SECONDS (the cap's "hour", default 3600);
 * - live updates: AFFILIATE_LIVE_HEARTBEAT_SECONDS (default 15),
 *   AFFILIATE_LIVE_MAX_STREAMS (the per-process cap, default 1000),
 *   AFFILIATE_LIVE_MAX_STREAMS_PER_ACTOR (default 10);
 * - broadcasts: AFFILIATE_BROADCAST_BATCH_SIZE, AFFILIATE_BROADCAST_LEASE_SECONDS
 *   (the plugin's defaults when unset);
 * - reply by email, on when AFFILIATE_INBOUND_SECRET is set (the webhook's
 *   bearer secret; Reply-To reply+{token}@inbound.scale-store.test).
 */
const port = process.env.PORT || "9000"
const backendUrl = `http://localhost:${port}`
const redisUrl = process.env.SCALE_REDIS_URL
// `medusa db:migrate` and `medusa build` send nothing but load the provider, which wants a URL
const smtpUrl = process.env.SMTP_URL || "smtp://127.0.0.1:2525"
const uploadDir = process.env.AFFILIATE_UPLOAD_DIR || "uploads"

/** AFFILIATE_RATE_LIMIT_PER_MINUTE: "off", a number for the four limits (messages, upload requests), or unset for the plugin's defaults. */
function rateLimitsFromEnv(perMinute?: string) {
  if (!perMinute) return {}
  if (perMinute === "off") return { rateLimits: false as const }
  const limit = Number(perMinute)
  return {
    rateLimits: {
      ownerMessagesPerMinute: limit,
      memberMessagesPerMinute: limit,
      ownerUploadsPerMinute: limit,
      memberUploadsPerMinute: limit,
    },
  }
}

/** AFFILIATE_UPLOAD_QUOTAS: "off", "files,bytes" (per member: files an hour, bytes a day), or unset for the plugin's defaults. */
function uploadQuotasFromEnv(quotas?: string) {
  if (!quotas) return {}
  if (quotas === "off") return { uploadQuotas: false as const }
  const [filesPerHour, bytesPerDay] = quotas.split(",").map(Number)
  return { uploadQuotas: { filesPerHour, bytesPerDay } }
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // sessions in Redis, shared by the servers
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "server" | "worker") || "shared",
    http: {
      storeCors: backendUrl,
      adminCors: backendUrl,
      authCors: backendUrl,
      // one secret for every process: a token from one server is good on the other
      jwtSecret: "scale-host-test-secret",
      cookieSecret: "scale-host-test-secret",
    },
    cookieOptions: { secure: false },
  },
  admin: { disable: true },
  modules: [
    // the store as several processes (servers, a worker) when SCALE_REDIS_URL is set
    ...(redisUrl ? redisModules(redisUrl) : []),
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { upload_dir: `${uploadDir}/static`, private_upload_dir: `${uploadDir}/private` },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [affiliateEmailProvider({ url: smtpUrl, from: "Scale Store <partners@scale-store.test>" })],
      },
    },
  ],
  plugins: [
    {
      resolve: "medusa-plugin-affiliate-messaging",
      options: {
        storeName: "Scale Store",
        adminUrl: `${backendUrl}/app`,
        redisUrl: process.env.AFFILIATE_QUEUE_REDIS_URL,
        deliveryQueueName: process.env.AFFILIATE_QUEUE_NAME,
        // retries every 0.25–2 s, so a test sees recovery within seconds
        deliveryBackoffMs: 250,
        deliveryMaxBackoffMs: 2_000,
        deliveryAttempts: 200,
        deliveryConcurrency: Number(process.env.AFFILIATE_DELIVERY_CONCURRENCY || 5),
        deliveryLockMs: Number(process.env.AFFILIATE_DELIVERY_LOCK_MS || 30_000),
        ...rateLimitsFromEnv(process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE),
        ...uploadQuotasFromEnv(process.env.AFFILIATE_UPLOAD_QUOTAS),
        notificationDelaySeconds: Number(process.env.AFFILIATE_NOTIFICATION_DELAY_SECONDS || 0),
        affiliateEmailsPerHour: process.env.AFFILIATE_EMAILS_PER_HOUR ? Number(process.env.AFFILIATE_EMAILS_PER_HOUR) : false,
        affiliateEmailCapPeriodSeconds: Number(process.env.AFFILIATE_EMAIL_CAP_PERIOD_SECONDS || 3600),
        inboundEmail: process.env.AFFILIATE_INBOUND_SECRET
          ? { replyTo: "reply+{token}@inbound.scale-store.test", secret: process.env.AFFILIATE_INBOUND_SECRET }
          : undefined,
        // broadcasts: small batches and a short lease let a test kill a worker mid-way and see the takeover
        ...(process.env.AFFILIATE_BROADCAST_BATCH_SIZE ? { broadcastBatchSize: Number(process.env.AFFILIATE_BROADCAST_BATCH_SIZE) } : {}),
        ...(process.env.AFFILIATE_BROADCAST_LEASE_SECONDS ? { broadcastLeaseSeconds: Number(process.env.AFFILIATE_BROADCAST_LEASE_SECONDS) } : {}),
        liveUpdates: {
          heartbeatSeconds: Number(process.env.AFFILIATE_LIVE_HEARTBEAT_SECONDS || 15),
          maxStreamsPerProcess: Number(process.env.AFFILIATE_LIVE_MAX_STREAMS || 1000),
          maxStreamsPerActor: Number(process.env.AFFILIATE_LIVE_MAX_STREAMS_PER_ACTOR || 10),
        },
      },
    },
  ],
})
