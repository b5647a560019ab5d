/**
 * The demo storefront's affiliate portal: a plain HTML page that embeds the
 * published web component (`medusa-plugin-affiliate-messaging-storefront/widget`),
 * as a store without React would. Values are escaped: they end up in HTML.
 */
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

export function portalPage({
  backendUrl,
  publishableKey,
  conversationId,
}: {
  backendUrl: string
  publishableKey: string
  conversationId?: string
}) {
  const attributes = [
    `backend-url="${escapeHtml(backendUrl)}"`,
    `publishable-key="${escapeHtml(publishableKey)}"`,
    conversationId ? `conversation-id="${escapeHtml(conversationId)}"` : "",
  ].join(" ")

  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Messages · Demo Outfitters affiliate portal</title>
  <link rel="icon" href="data:,">
  <script src="/affiliate/widget" defer></script>
  <style>
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f6f6f7; color: #18181b; }
    header { background: #fff; border-bottom: 1px solid #e4e4e7; }
    .bar { max-width: 1080px; margin: 0 auto; padding: 16px 24px; display: flex; align-items: center; justify-content: space-between; }
    .brand { font-weight: 600; }
    nav { max-width: 1080px; margin: 0 auto; padding: 0 24px; display: flex; gap: 24px; }
    nav a { display: inline-flex; align-items: center; gap: 8px; padding: 12px 0; color: #52525b; text-decoration: none; border-bottom: 2px solid transparent; }
    nav a[aria-current="page"] { color: #18181b; border-color: #18181b; font-weight: 500; }
    main { max-width: 1080px; margin: 24px auto; padding: 0 24px; }
  </style>
</head>
<body>
  <header>
    <div class="bar"><span class="brand">Demo Outfitters · Affiliate portal</span></div>
    <nav aria-label="Affiliate portal">
      <a href="/affiliate/messages">Dashboard</a>
      <a href="/affiliate/messages" aria-current="page">Messages <affiliate-messages-badge ${attributes}></affiliate-messages-badge></a>
    </nav>
  </header>
  <main>
    <affiliate-messages ${attributes}></affiliate-messages>
  </main>
</body>
</html>
`
}

/** The demo passes the seeded publishable key to the server it starts. */
export function portalSettings(req: { protocol: string; get(name: string): string | undefined }) {
  return {
    backendUrl: process.env.DEMO_BACKEND_URL || `${req.protocol}://${req.get("host")}`,
    publishableKey: process.env.DEMO_PUBLISHABLE_KEY ?? "",
  }
}
