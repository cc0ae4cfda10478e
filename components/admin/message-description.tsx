import { useTranslations } from "next-intl";

/** "Pickup code by text to 13800000001" / "短信发送取件码给 13800000001": a parcel message, in the console's words. */
export function MessageDescription({ message }: { message: { kind: string; channel: "sms" | "email"; recipient: string } }) {
  const t = useTranslations("admin");
  return <>{t("messageSent", { kind: message.kind, channel: message.channel, recipient: message.recipient })}</>;
}
