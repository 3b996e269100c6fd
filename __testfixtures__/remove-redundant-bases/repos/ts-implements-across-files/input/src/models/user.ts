import { Entity } from './base';
import type { Identified, Named, Timestamped as Stamped } from '@models/contracts';

export class User extends Entity implements Named, Identified, Stamped {
  id = '';
  name = '';
}

export class Tagged implements Named, Named {
  id = '';
  name = '';
}

export class Plain extends Entity implements Stamped {}

export class Unrelated implements Named, Stamped {
  id = '';
  name = '';
  at = 1;
}
