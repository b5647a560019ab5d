export { Affiliate } from "./affiliate"
export { AffiliateGroup } from "./affiliate-group"
export { AffiliateInvite } from "./affiliate-invite"
export { AffiliateMember } from "./affiliate-member"
