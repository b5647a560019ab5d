import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { loginEmailOf, sameEmail } from "../../../utils/login-email"

export type ResolveSignUpEmailInput = {
  auth_identity_id: string
  /** What the sign-up body said, if anything: accepted only when it is the login's own. */
  email?: string | null
}

const isEmail = (value: string) => z.email().max(254).safeParse(value).success

/**
 * The email of a new affiliate team and its owner: the login's own (the
 * address registered with `/auth/affiliate/emailpass/register`). An email in
 * the body is refused unless it is that same address, compared
 * case-insensitively: otherwise anyone could sign up in a brand's name, and
 * the brand could then neither sign up nor be invited.
 *
 * @example
 * const email = resolveSignUpEmailStep({ auth_identity_id: "authid_123", email: "Ann@Acme.test" })
 */
export const resolveSignUpEmailStep = createStep(
  "resolve-sign-up-email",
  async (input: ResolveSignUpEmailInput, { container }) => {
    const loginEmail = await loginEmailOf(container, input.auth_identity_id)
    if (!loginEmail || !isEmail(loginEmail)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Sign-up needs a login registered with an email address (/auth/affiliate/emailpass/register)"
      )
    }
    if (input.email && !sameEmail(input.email, loginEmail)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "email must be the email of the login that signs up; leave it out to use the login's"
      )
    }
    return new StepResponse(loginEmail)
  }
)
