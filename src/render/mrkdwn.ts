/**
 * Slack mrkdwn treats `&`, `<` and `>` as control characters (`<!channel>`, `<@U…>`, links).
 * Escaping exactly these three is what Slack documents; anything else shows as typed.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
