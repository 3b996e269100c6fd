import type { Timestamped } from '@models/contracts';

export abstract class Entity implements Timestamped {
  at = 0;
}
