/**
 * Slack mrkdwn treats `&`, `<` and `>` as control characters (`<!channel>`, `<@U…>`, links): those
 * three are escaped as Slack documents. Slack has no escape for the formatting marks `*` `_` `~`
 * and the backtick, so in user text they become their full-width look-alikes: a name like
 * `*本番*` or a reference with backticks shows as typed instead of turning bold or into code.
 */
const LOOK_ALIKES: Record<string, string> = { '*': '＊', _: '＿', '~': '～', '`': '｀' }

export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (mark) => LOOK_ALIKES[mark] ?? mark)
}
