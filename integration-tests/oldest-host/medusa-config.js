const { defineConfig } = require("@medusajs/framework/utils")
const path = require("path")
const { affiliateEmailProvider } = require("medusa-plugin-affiliate-messaging/config")

// A store on the oldest supported Medusa, set up as its README says: the
// plugin in `plugins`, its nodemailer provider in the Notification Module
// (SMTP_URL: the test's in-process SMTP server), local file storage under
// UPLOAD_DIR, its admin built with `medusa build`. Plain JavaScript: the
// store needs no ts-node.
const uploadDir = process.env.UPLOAD_DIR || path.join(__dirname, "uploads")
const backendUrl = `http://localhost:${process.env.PORT || "9000"}`

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: backendUrl,
      adminCors: backendUrl,
      authCors: backendUrl,
      jwtSecret: "oldest-host-secret",
      cookieSecret: "oldest-host-secret",
    },
    // plain http: a Secure session cookie would never come back to the admin
    cookieOptions: { secure: false },
  },
  modules: [
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              upload_dir: path.join(uploadDir, "static"),
              private_upload_dir: path.join(uploadDir, "private"),
            },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [affiliateEmailProvider({ url: process.env.SMTP_URL, from: "Oldest Store <partners@oldest.test>" })],
      },
    },
  ],
  plugins: [
    {
      resolve: "medusa-plugin-affiliate-messaging",
      // emails go out at once, so the test sees them without waiting a minute
      options: { storeName: "Oldest Store", notificationDelaySeconds: 0 },
    },
  ],
})
