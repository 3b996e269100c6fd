export * from '../lib/format';
