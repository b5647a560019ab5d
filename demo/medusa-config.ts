import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { affiliateEmailProvider } from "medusa-plugin-affiliate-messaging/config"
import path from "path"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const port = process.env.PORT || "9000"
const backendUrl = process.env.DEMO_BACKEND_URL || `http://localhost:${port}`
const storefrontUrl = process.env.DEMO_STOREFRONT_URL || backendUrl

function requiredSecret(name: string) {
  const value = process.env[name]
  if (!value) {
    throw new Error(`${name} is not set: start the demo with \`npm run demo\`, which keeps its secrets in .demo/secrets.json`)
  }
  return value
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // with REDIS_URL the plugin's delivery queue runs on BullMQ; without, in process
    redisUrl: process.env.REDIS_URL,
    http: {
      storeCors: `${storefrontUrl},${backendUrl}`,
      adminCors: backendUrl,
      authCors: `${storefrontUrl},${backendUrl}`,
      // per data folder, from scripts/demo.mjs (.demo/secrets.json): never a value anyone can read
      jwtSecret: requiredSecret("JWT_SECRET"),
      cookieSecret: requiredSecret("COOKIE_SECRET"),
    },
    // the demo is served over plain http: a Secure cookie would never be sent back
    cookieOptions: { secure: false },
  },
  admin: {
    backendUrl,
    // the demo shares the repository's node_modules: let the dev server serve the dashboard's fonts from there
    vite: () => ({ server: { fs: { allow: [path.resolve(__dirname, "..")] } } }),
  },
  modules: [
    {
      // uploads live beside the demo's database, outside the watched folder
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              upload_dir: path.resolve(__dirname, "../.demo/uploads/static"),
              private_upload_dir: path.resolve(__dirname, "../.demo/uploads/private"),
              backend_url: `${backendUrl}/static`,
            },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [affiliateEmailProvider({ url: process.env.SMTP_URL, from: "Demo Outfitters <partners@demo-outfitters.test>" })],
      },
    },
  ],
  plugins: [
    {
      resolve: "medusa-plugin-affiliate-messaging",
      options: {
        adminUrl: `${backendUrl}/app`,
        affiliatePortalUrl: `${storefrontUrl}/affiliate/messages/{conversation_id}`,
        affiliateInviteUrl: `${storefrontUrl}/affiliate/invite?token={token}`,
        storeName: "Demo Outfitters",
        // the demo emails at once, so a message shows in the mail catcher right away
        notificationDelaySeconds: 0,
        // reply by email: notifications carry a Reply-To per recipient; replies reach the
        // built-in SMTP receiver (a free local port picked by scripts/demo.mjs) or the webhook
        inboundEmail: {
          replyTo: "reply+{token}@inbound.demo-outfitters.test",
          secret: requiredSecret("INBOUND_SECRET"),
          smtp: { port: Number(process.env.INBOUND_SMTP_PORT || 2526), host: process.env.HOST || "127.0.0.1" },
        },
      },
    },
  ],
})
