import { defineConfig } from "@medusajs/framework/utils"

// A store's whole setup for the plugin: one `plugins` entry.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "pack-test-secret",
      cookieSecret: "pack-test-secret",
    },
  },
  admin: { disable: true },
  plugins: [{ resolve: "medusa-plugin-affiliate-messaging", options: {} }],
})
