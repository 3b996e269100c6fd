import { Base, Child, Box, StringBox } from './shapes';

export interface Both extends Base, Child {
  extra: number;
}

export interface Multi
  extends Child,
    Base, // already in Child
    StringBox {}

export interface SameBox extends Box<string>, StringBox {}

export interface OtherBox extends Box<number>, StringBox {}
