import { defineConfig } from "@medusajs/framework/utils"
import { affiliateEmailProvider } from "medusa-plugin-affiliate-messaging/config"

// The benchmark's store: the plugin as a store installs it, plus two no-op
// routes (src/api/*/bench-floor) that measure what Medusa itself costs per
// request. BENCH_WITHOUT_PLUGIN=true starts the same store without the plugin,
// to weigh its memory. Everything is read from the environment at start.
const backendUrl = `http://localhost:${process.env.PORT || "9000"}`
const withPlugin = process.env.BENCH_WITHOUT_PLUGIN !== "true"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // with REDIS_URL the plugin's email queue is BullMQ; without, in process
    redisUrl: process.env.REDIS_URL || undefined,
    // the query-plan check reads the SQL each hot path runs from this log
    databaseLogging: process.env.BENCH_LOG_QUERIES === "true",
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "server" | "worker") || "shared",
    http: {
      storeCors: backendUrl,
      adminCors: backendUrl,
      authCors: backendUrl,
      jwtSecret: "bench-secret",
      cookieSecret: "bench-secret",
    },
  },
  admin: { disable: true },
  modules: withPlugin
    ? [
        {
          resolve: "@medusajs/medusa/notification",
          options: { providers: [affiliateEmailProvider({ url: process.env.SMTP_URL, from: "Bench Store <partners@bench.test>" })] },
        },
      ]
    : [],
  plugins: withPlugin
    ? [
        {
          resolve: "medusa-plugin-affiliate-messaging",
          options: {
            adminUrl: `${backendUrl}/app`,
            storeName: "Bench Store",
            // the load generator sends far faster than any person
            rateLimits: false,
            // the email phase counts one email per message and member: no
            // delay window, no hourly cap (both on by default)
            notificationDelaySeconds: 0,
            affiliateEmailsPerHour: false,
            // one queue per run: other stores on a shared Redis would take its jobs under the default name
            deliveryQueueName: process.env.AFFILIATE_QUEUE_NAME || undefined,
            // the live phase holds 1,000 idle streams of one admin
            liveUpdates: { maxStreamsPerProcess: 1001, maxStreamsPerActor: 1001 },
            // reply by email's throughput: the built-in SMTP receiver on a local port
            inboundEmail: process.env.BENCH_INBOUND_SMTP_PORT
              ? {
                  replyTo: "reply+{token}@inbound.bench.test",
                  secret: "bench-inbound-secret",
                  smtp: { port: Number(process.env.BENCH_INBOUND_SMTP_PORT), host: "127.0.0.1" },
                }
              : undefined,
          },
        },
      ]
    : [],
})
