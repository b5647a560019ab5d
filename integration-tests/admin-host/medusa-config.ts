import { defineConfig } from "@medusajs/framework/utils"

// A store with its admin dashboard and the plugin in `plugins`, built with
// `medusa build` and served by `medusa start` over plain http on the port the
// test chose (PORT, read when the server starts).
const backendUrl = `http://localhost:${process.env.PORT || "9000"}`

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: backendUrl,
      adminCors: backendUrl,
      authCors: backendUrl,
      jwtSecret: "admin-host-test-secret",
      cookieSecret: "admin-host-test-secret",
    },
    // plain http: a Secure session cookie would never be sent back
    cookieOptions: { secure: false },
  },
  // no admin.backendUrl: the built dashboard calls the server it is served
  // from ("/"), so one build serves every port
  plugins: [
    {
      resolve: "medusa-plugin-affiliate-messaging",
      options: {
        adminUrl: `${backendUrl}/app`,
        storeName: "Browser Test Store",
        // reply by email on, so the Inbound email page has entries (ADMIN_HOST_INBOUND_SECRET in helpers/admin-app.ts)
        inboundEmail: { replyTo: "reply+{token}@inbound.browser.test", secret: "admin-host-inbound-secret" },
      },
    },
  ],
})
