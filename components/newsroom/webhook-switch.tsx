import { setWebhookActiveAction } from "@/lib/actions/delivery";
import { ActionForm } from "@/components/ui/action-form";

/** "On" or "Off", and the button that changes it. */
export function WebhookSwitch({ webhook }: { webhook: { id: string; url: string; active: boolean } }) {
  return (
    <>
      <p className="mb-1">{webhook.active ? "On" : "Off"}</p>
      <ActionForm action={setWebhookActiveAction} submitLabel={webhook.active ? "Switch off" : "Switch on"} variant="secondary">
        <input type="hidden" name="webhookId" value={webhook.id} />
        <input type="hidden" name="active" value={webhook.active ? "false" : "true"} />
      </ActionForm>
    </>
  );
}
