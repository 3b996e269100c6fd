import { formatName, type Labelled, type Named } from '../core/format';

export class ReportRow implements Named, Labelled {
  constructor(
    public name: string,
    public label: string,
  ) {}

  title(): string {
    return formatName(this);
  }
}

export async function loadFormat() {
  return import('../core/format');
}
