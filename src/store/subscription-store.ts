import type { SubscriptionRepository } from '../app/ports.js'
import type { CalendarSubscription } from '../domain/calendar-subscription.js'
import type { Partition } from './database.js'
import { upsertAndWrite } from './upsert.js'

export class SubscriptionStore implements SubscriptionRepository {
  constructor(private readonly db: Partition) {}

  save(subscription: CalendarSubscription): Promise<void> {
    return upsertAndWrite(this.db, this.db.data.subscriptions, subscription, (s) => s.id)
  }

  activeIn(channel: string): CalendarSubscription | undefined {
    return this.db.data.subscriptions.find((s) => s.channel === channel && !s.cancelledAt)
  }

  active(): CalendarSubscription[] {
    return this.db.data.subscriptions.filter((s) => !s.cancelledAt)
  }
}
