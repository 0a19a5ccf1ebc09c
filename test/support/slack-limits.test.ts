import { describe, expect, it } from 'vitest'
import { violationsOf } from './slack-limits.js'

const section = (text: string, block_id?: string) => ({
  type: 'section',
  text: { type: 'mrkdwn', text },
  ...(block_id ? { block_id } : {}),
})

describe('the fake Slack payload validator', () => {
  it('accepts a message within the limits', () => {
    expect(violationsOf('chat.postMessage', { text: 'x', blocks: [section('a'.repeat(3000))] })).toEqual([])
  })

  it.each([
    ['a section over 3,000 characters', { blocks: [section('a'.repeat(3001))] }, 'text 3001 > 3000'],
    ['an empty section text', { blocks: [section('')] }, 'text is empty'],
    ['51 blocks', { blocks: Array.from({ length: 51 }, () => section('a')) }, '51 blocks > 50'],
    ['a repeated block_id', { blocks: [section('a', 'x'), section('b', 'x')] }, 'is not unique'],
    [
      'a button text over 75',
      {
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: 'a',
                text: { type: 'plain_text', text: 'b'.repeat(76) },
                value: 'v',
              },
            ],
          },
        ],
      },
      'button text 76 > 75',
    ],
    [
      '11 context elements',
      {
        blocks: [
          { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'a' })) },
        ],
      },
      '11 elements',
    ],
    [
      'a header over 150',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      'text 151 > 150',
    ],
  ])('refuses %s', (_what, args, expected) => {
    expect(violationsOf('chat.postMessage', { text: 'x', ...args }).join('\n')).toContain(expected)
  })

  it('refuses a modal title over 24 characters and 101 blocks', () => {
    const view = {
      type: 'modal',
      title: { type: 'plain_text', text: 't'.repeat(25) },
      blocks: Array.from({ length: 101 }, () => section('a')),
    }
    const problems = violationsOf('views.open', { view }).join('\n')
    expect(problems).toContain('view title > 24')
    expect(problems).toContain('101 view blocks > 100')
  })

  it('refuses a scheduled message in the past or more than 120 days ahead', () => {
    const now = 1_800_000_000
    expect(violationsOf('chat.scheduleMessage', { text: 'x', post_at: now - 1 }, now)).toHaveLength(1)
    expect(
      violationsOf('chat.scheduleMessage', { text: 'x', post_at: now + 121 * 86_400 }, now),
    ).toHaveLength(1)
    expect(violationsOf('chat.scheduleMessage', { text: 'x', post_at: now + 119 * 86_400 }, now)).toEqual([])
  })
})
