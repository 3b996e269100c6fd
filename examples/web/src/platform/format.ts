export interface Named {
  name: string;
}

export interface Labelled extends Named {
  label: string;
}

export function formatName(item: Named): string {
  return item.name.trim();
}
