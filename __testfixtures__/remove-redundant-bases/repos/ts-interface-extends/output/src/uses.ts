import { Base, Child, Box, StringBox } from './shapes';

export interface Both extends Child {
  extra: number;
}

export interface Multi
  extends Child,
    StringBox {}

export interface SameBox extends StringBox {}

export interface OtherBox extends Box<number>, StringBox {}
