import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import {
  AffiliateDTO,
  AffiliateGroupDTO,
  AffiliateInviteDTO,
  AffiliateMemberDTO,
  CreateAffiliateGroupInput,
  CreateAffiliateInput,
  CreateAffiliateMemberInput,
  UpdateAffiliateGroupInput,
  UpdateAffiliateInput,
  UpdateAffiliateMemberInput,
} from "../../../types/affiliate"
import {
  createRecordsStep,
  softDeleteRecordsStep,
  updateRecordsStep,
} from "../../common/record-step-factories"

/** @example createAffiliatesStep([{ name: "Acme", email: "team@acme.test" }]) */
export const createAffiliatesStep = createRecordsStep<
  CreateAffiliateInput,
  AffiliateDTO
>("create-affiliates", AFFILIATE_MODULE, "Affiliates")

/** @example updateAffiliatesStep([{ id: "aff_123", status: "active" }]) */
export const updateAffiliatesStep = updateRecordsStep<
  UpdateAffiliateInput,
  AffiliateDTO
>("update-affiliates", AFFILIATE_MODULE, "Affiliates")

/** @example createAffiliateGroupsStep([{ name: "Creators" }]) */
export const createAffiliateGroupsStep = createRecordsStep<
  CreateAffiliateGroupInput,
  AffiliateGroupDTO
>("create-affiliate-groups", AFFILIATE_MODULE, "AffiliateGroups")

/** @example updateAffiliateGroupsStep([{ id: "affgrp_123", messaging_enabled: false }]) */
export const updateAffiliateGroupsStep = updateRecordsStep<
  UpdateAffiliateGroupInput,
  AffiliateGroupDTO
>("update-affiliate-groups", AFFILIATE_MODULE, "AffiliateGroups")

/** @example softDeleteAffiliateGroupsStep(["affgrp_123"]) */
export const softDeleteAffiliateGroupsStep = softDeleteRecordsStep(
  "soft-delete-affiliate-groups",
  AFFILIATE_MODULE,
  "AffiliateGroups"
)

/** @example createAffiliateMembersStep([{ affiliate_id: "aff_123", email: "ann@acme.test" }]) */
export const createAffiliateMembersStep = createRecordsStep<
  CreateAffiliateMemberInput,
  AffiliateMemberDTO
>("create-affiliate-members", AFFILIATE_MODULE, "AffiliateMembers")

/** @example updateAffiliateMembersStep([{ id: "affmem_123", email_notifications: false }]) */
export const updateAffiliateMembersStep = updateRecordsStep<
  UpdateAffiliateMemberInput,
  AffiliateMemberDTO
>("update-affiliate-members", AFFILIATE_MODULE, "AffiliateMembers")

/** @example updateAffiliateInvitesStep([{ id: "affinv_123", accepted_at: new Date() }]) */
export const updateAffiliateInvitesStep = updateRecordsStep<
  { id: string; accepted_at: Date | null },
  AffiliateInviteDTO
>("update-affiliate-invites", AFFILIATE_MODULE, "AffiliateInvites")
