import type { CitablePassage } from '../citation/citable-passage.ts';
import { createLocalStore, useLocalStore } from '../storage/local-store.ts';

/** A collected passage: what it takes to cite it, and what the user wrote about it. */
export interface TrayItem extends CitablePassage {
  /** The user's note; empty when none. */
  note: string;
  /** ISO time it was collected. */
  addedAt: string;
  /** The search it was found with, for context when the user comes back to it. */
  query?: string;
}

/** Bumped when the stored shape changes; older entries are then read by `readTray`. */
const STORAGE_KEY = 'passim.clipboard.v1';

export const trayStore = createLocalStore<TrayItem[]>(STORAGE_KEY, readTray);

export function useTray(): TrayItem[] {
  return useLocalStore(trayStore);
}

export function isCollected(items: TrayItem[], passageId: string): boolean {
  return items.some((item) => item.id === passageId);
}

/** Adds a passage at the end, or removes it when it is already there. */
export function toggleCollected(passage: CitablePassage, query: string): void {
  const items = trayStore.get();
  if (isCollected(items, passage.id)) {
    removeFromTray(passage.id);
    return;
  }
  const item: TrayItem = { ...passage, note: '', addedAt: new Date().toISOString(), ...(query ? { query } : {}) };
  trayStore.set([...items, item]);
}

export function removeFromTray(passageId: string): void {
  trayStore.set(trayStore.get().filter((item) => item.id !== passageId));
}

export function clearTray(): void {
  trayStore.set([]);
}

export function annotate(passageId: string, note: string): void {
  trayStore.set(trayStore.get().map((item) => (item.id === passageId ? { ...item, note } : item)));
}

/** Moves an item by `offset` places (−1 up, +1 down), staying inside the list. */
export function moveInTray(passageId: string, offset: number): void {
  const items = [...trayStore.get()];
  const from = items.findIndex((item) => item.id === passageId);
  const to = Math.min(Math.max(from + offset, 0), items.length - 1);
  if (from === -1 || from === to) return;
  const [item] = items.splice(from, 1);
  if (item) items.splice(to, 0, item);
  trayStore.set(items);
}

/** Keeps the stored items that have what a citation needs; drops anything else. */
export function readTray(stored: unknown): TrayItem[] {
  if (!Array.isArray(stored)) return [];
  const seen = new Set<string>();
  const items: TrayItem[] = [];
  for (const entry of stored) {
    const item = readTrayItem(entry);
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

const REQUIRED_TEXT = ['id', 'docId', 'text', 'title', 'source', 'sourceName'] as const;
const OPTIONAL_TEXT = ['speaker', 'date', 'url', 'query'] as const;

function readTrayItem(entry: unknown): TrayItem | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const record = entry as Record<string, unknown>;
  if (!REQUIRED_TEXT.every((field) => typeof record[field] === 'string')) return null;
  const item: Record<string, unknown> = {
    note: typeof record.note === 'string' ? record.note : '',
    addedAt: typeof record.addedAt === 'string' ? record.addedAt : '',
  };
  for (const field of [...REQUIRED_TEXT, ...OPTIONAL_TEXT]) if (typeof record[field] === 'string') item[field] = record[field];
  if (typeof record.page === 'number') item.page = record.page;
  return item as unknown as TrayItem;
}
