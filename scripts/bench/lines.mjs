// Source text built line by line with a running byte count, so generators can stop at a target size.
export class Lines {
  parts = [];
  size = 0;

  /** @param unit one level of indentation: four spaces for Python, two for TS/JS */
  constructor(unit) {
    this.unit = unit;
  }

  line(indent, text) {
    const line = text ? `${this.unit.repeat(indent)}${text}\n` : '\n';
    this.parts.push(line);
    this.size += line.length;
  }

  blank() {
    this.line(0, '');
  }

  text() {
    return this.parts.join('');
  }
}
