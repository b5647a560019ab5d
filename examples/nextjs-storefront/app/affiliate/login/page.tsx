"use client"
import { useActionState } from "react"
import { logIn } from "../actions"

export default function AffiliateLogin() {
  const [error, action, pending] = useActionState(logIn, null)
  return (
    <form action={action} style={{ display: "grid", gap: 8, maxWidth: 320 }}>
      <h1>Affiliate login</h1>
      <label>
        Email <input name="email" type="email" required autoComplete="username" />
      </label>
      <label>
        Password <input name="password" type="password" required autoComplete="current-password" />
      </label>
      <button type="submit" disabled={pending}>Log in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  )
}
