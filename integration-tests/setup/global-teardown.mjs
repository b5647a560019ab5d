export default async function globalTeardown() {
  await globalThis.__AFFMSG_DATABASE__?.stop()
}
