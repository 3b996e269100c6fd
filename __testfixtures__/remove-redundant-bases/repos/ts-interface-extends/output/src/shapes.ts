export interface Base {
  id: string;
}

export interface Child extends Base {
  name: string;
}

export interface Box<T> {
  value: T;
}

export interface StringBox extends Box<string> {
  label: string;
}
