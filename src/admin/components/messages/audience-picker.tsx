import { Label, RadioGroup, Select, Text } from "@medusajs/ui"
import type { AdminAffiliateMember } from "../../../types/http"
import { memberName } from "../../lib/audience-label"

/** The whole team's thread, or a private thread with one member. */
export const AudiencePicker = ({
  members,
  memberId,
  onChange,
}: {
  members: AdminAffiliateMember[]
  memberId: string | null
  onChange: (memberId: string | null) => void
}) => (
  <div className="flex flex-col gap-y-3">
    <RadioGroup
      value={memberId === null ? "team" : "member"}
      onValueChange={(value) => onChange(value === "team" ? null : (members[0]?.id ?? null))}
      className="flex flex-col gap-y-2"
    >
      <div className="flex items-center gap-x-2">
        <RadioGroup.Item value="team" id="audience-team" />
        <Label htmlFor="audience-team" size="small">
          Whole team <Text as="span" size="small" className="text-ui-fg-muted">(every member sees it)</Text>
        </Label>
      </div>
      <div className="flex items-center gap-x-2">
        <RadioGroup.Item value="member" id="audience-member" disabled={members.length === 0} />
        <Label htmlFor="audience-member" size="small">
          One member <Text as="span" size="small" className="text-ui-fg-muted">(only they see it)</Text>
        </Label>
      </div>
    </RadioGroup>
    {memberId !== null && (
      <Select value={memberId} onValueChange={onChange}>
        <Select.Trigger aria-label="Member">
          <Select.Value placeholder="Choose a member" />
        </Select.Trigger>
        <Select.Content>
          {members.map((member) => (
            <Select.Item key={member.id} value={member.id}>
              {memberName(member)} · {member.email}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    )}
  </div>
)
