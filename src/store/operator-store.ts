import type { OperatorRepository } from '../app/ports.js'
import type { RegisteredOperator } from '../domain/operator-registry.js'
import type { Partition } from './database.js'
import { upsertAndWrite } from './upsert.js'

export class OperatorStore implements OperatorRepository {
  constructor(private readonly db: Partition) {}

  save(operator: RegisteredOperator): Promise<void> {
    return upsertAndWrite(this.db, this.db.data.operators, operator, (o) => o.operatorId)
  }

  list(): RegisteredOperator[] {
    return [...this.db.data.operators].sort((a, b) => a.operatorId.localeCompare(b.operatorId))
  }

  get(operatorId: string): RegisteredOperator | undefined {
    return this.db.data.operators.find((o) => o.operatorId === operatorId)
  }
}
