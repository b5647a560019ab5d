"use server"
import { affiliateLogin, DEFAULT_TOKEN_COOKIE } from "medusa-plugin-affiliate-messaging-storefront/server"
import { cookies } from "next/headers"
import { redirect } from "next/navigation"

export async function logIn(_state: string | null, form: FormData): Promise<string | null> {
  const credentials = { email: String(form.get("email")), password: String(form.get("password")) }
  try {
    // the token stays on the server: an httpOnly cookie, sent back only to this storefront
    ;(await cookies()).set(await affiliateLogin(credentials))
  } catch (error) {
    return error instanceof Error ? error.message : "Login failed"
  }
  redirect("/affiliate/messages")
}

export async function logOut() {
  ;(await cookies()).delete(DEFAULT_TOKEN_COOKIE)
  redirect("/affiliate/login")
}
