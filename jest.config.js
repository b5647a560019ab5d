const { loadEnv } = require("@medusajs/framework/utils")

loadEnv("test", process.cwd())

const suites = {
  modules: ["<rootDir>/src/**/__tests__/**/*.spec.[jt]s"],
  http: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
  package: ["<rootDir>/integration-tests/package/**/*.spec.[jt]s"],
  browser: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"],
  // `npm run test:reliability` only: authorization matrix, hostile input, load, faults, scale-out
  reliability: ["<rootDir>/integration-tests/reliability/**/*.spec.[jt]s"],
  // `npm run test:compat` only: the packed plugin in a store on the oldest supported Medusa
  compat: ["<rootDir>/integration-tests/compat/**/*.spec.[jt]s"],
}
const OPT_IN_SUITES = ["reliability", "compat"]

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
        // keep import() so ESM-only packages (file-type) load through jest's ESM support
        module: { type: "commonjs", ignoreDynamic: true },
      },
    ],
  },
  testEnvironment: "node",
  // the storefront workspace package from its source, so tests need no build of it first
  moduleNameMapper: {
    "^medusa-plugin-affiliate-messaging-storefront$": "<rootDir>/packages/storefront/src/index.ts",
    "^medusa-plugin-affiliate-messaging-storefront/(react|types)$": "<rootDir>/packages/storefront/src/$1/index.ts",
    // its sources import siblings as `./x.js` (what Node's ES modules need once built)
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: [
    "<rootDir>/.medusa/",
    "<rootDir>/.tmp/",
    "<rootDir>/demo/",
    "<rootDir>/integration-tests/host-app/",
    "<rootDir>/integration-tests/admin-host/",
    "<rootDir>/integration-tests/scale-host/",
    "<rootDir>/integration-tests/oldest-host/",
    "<rootDir>/packages/storefront/dist/",
    "<rootDir>/examples/",
  ],
  setupFiles: ["<rootDir>/integration-tests/setup/setup-file.js"],
  globalSetup: "<rootDir>/integration-tests/setup/global-setup.mjs",
  globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.mjs",
  testMatch: process.env.TEST_SUITE
    ? suites[process.env.TEST_SUITE]
    : Object.entries(suites)
        .filter(([name]) => !OPT_IN_SUITES.includes(name))
        .flatMap(([, patterns]) => patterns),
}
