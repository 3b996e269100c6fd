export interface Identified {
  id: string;
}

export interface Named extends Identified {
  name: string;
}

export interface Timestamped {
  at: number;
}
