// Loaded lazily and mocked in tests: both spellings must follow the move.
export const loadFormat = () => import('../core/format');

export function mockFormat(jest: { mock(path: string): void }) {
  jest.mock('../core/format');
}
