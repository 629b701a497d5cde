import type { OpenSearchClient } from './opensearch-client.ts';
import { aliasName, INDEX_KINDS, versionOf, type IndexKind } from './index-names.ts';

/** The index each of Passim's aliases points at now, by kind (absent: no such alias yet). */
export async function readAliasTargets(client: OpenSearchClient, prefix: string): Promise<Partial<Record<IndexKind, string>>> {
  const targets: Partial<Record<IndexKind, string>> = {};
  const names = INDEX_KINDS.map((kind) => aliasName(prefix, kind)).join(',');
  const { status, body } = await client.request<Record<string, { aliases: Record<string, unknown> }>>({ method: 'GET', path: `/_alias/${names}`, accept: [404] });
  if (status === 404) return targets;
  for (const [index, { aliases }] of Object.entries(body)) {
    for (const kind of INDEX_KINDS) if (aliasName(prefix, kind) in aliases) targets[kind] = index;
  }
  return targets;
}

/**
 * Points each given alias at its new index in one `_aliases` call: searches see the old indices or
 * the new ones, never a mix and never none.
 */
export async function swapAliases(client: OpenSearchClient, prefix: string, next: Partial<Record<IndexKind, string>>, current: Partial<Record<IndexKind, string>>): Promise<void> {
  const actions: object[] = [];
  for (const kind of INDEX_KINDS) {
    const index = next[kind];
    if (index === undefined) continue;
    const alias = aliasName(prefix, kind);
    if (current[kind] !== undefined && current[kind] !== index) actions.push({ remove: { index: current[kind], alias } });
    actions.push({ add: { index, alias } });
  }
  await client.request({ method: 'POST', path: '/_aliases', body: { actions } });
}

/** Passim's versioned indices of a prefix that no alias points at, with their versions. */
export async function listUnaliasedIndices(client: OpenSearchClient, prefix: string): Promise<{ index: string; version: string }[]> {
  const { body } = await client.request<{ index: string }[]>({ method: 'GET', path: `/_cat/indices/${prefix}-*?format=json&h=index&expand_wildcards=open,closed` });
  const aliased = new Set(Object.values(await readAliasTargets(client, prefix)));
  const found: { index: string; version: string }[] = [];
  for (const { index } of body) {
    if (aliased.has(index)) continue;
    for (const kind of INDEX_KINDS) {
      const version = versionOf(prefix, kind, index);
      if (version !== undefined) found.push({ index, version });
    }
  }
  return found;
}

export async function deleteIndices(client: OpenSearchClient, indices: readonly string[]): Promise<void> {
  // One at a time by name: a wildcard or a list could reach further than meant.
  for (const index of indices) await client.request({ method: 'DELETE', path: `/${encodeURIComponent(index)}`, accept: [404] });
}
