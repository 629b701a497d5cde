import { useSyncExternalStore } from 'react';

export interface LocalStore<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

/**
 * A value kept in localStorage that React can subscribe to, shared by every component
 * and kept in step with other tabs. `read` validates what was stored (another version
 * of the app, or a hand edit, may have left anything there) and returns the fallback
 * for what it cannot use. Without storage (private modes, quotas) the value lives in memory.
 */
export function createLocalStore<T>(key: string, read: (stored: unknown) => T): LocalStore<T> {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null | undefined;
  let cached: T = read(undefined);

  function get(): T {
    // While subscribed, the storage event says when another tab changed the value, and set()
    // when this one did: the cache holds. React reads a snapshot several times per render of
    // every component that uses the store (each hit card), so this spares a storage read each.
    if (listeners.size > 0 && cachedRaw !== undefined) return cached;
    const raw = readRaw(key);
    // Parse once per stored string, so the snapshot stays the same object between renders.
    if (raw !== cachedRaw) {
      cachedRaw = raw;
      cached = read(parseJson(raw));
    }
    return cached;
  }

  function set(value: T): void {
    cached = value;
    try {
      cachedRaw = JSON.stringify(value);
      window.localStorage.setItem(key, cachedRaw);
    } catch {
      // Storage is full or disabled: keep the value for this page's life at least.
      cachedRaw = readRaw(key);
    }
    for (const listener of listeners) listener();
  }

  function handleStorage(event: StorageEvent): void {
    if (event.key !== key && event.key !== null) return;
    cachedRaw = undefined;
    for (const listener of listeners) listener();
  }

  function subscribe(listener: () => void): () => void {
    if (listeners.size === 0) window.addEventListener('storage', handleStorage);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) window.removeEventListener('storage', handleStorage);
    };
  }

  return { get, set, subscribe };
}

export function useLocalStore<T>(store: LocalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

function readRaw(key: string): string | null | undefined {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return undefined;
  }
}

function parseJson(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
