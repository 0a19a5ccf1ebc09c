import type { AlertRepository } from '../app/ports.js'
import type { BillingAlert } from '../domain/billing-alert.js'
import type { Partition } from './database.js'
import { upsertAndWrite } from './upsert.js'

export class AlertStore implements AlertRepository {
  constructor(private readonly db: Partition) {}

  save(alert: BillingAlert): Promise<void> {
    return upsertAndWrite(this.db, this.db.data.alerts, alert, (a) => a.id)
  }

  get(id: string): BillingAlert | undefined {
    return this.db.data.alerts.find((a) => a.id === id)
  }

  all(): readonly BillingAlert[] {
    return this.db.data.alerts
  }
}
