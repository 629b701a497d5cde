import { describe, expect, it } from 'vitest';
import { keepWebAddress } from '../../indexer/document/keep-web-address.ts';

describe('keepWebAddress', () => {
  it.each([
    ['https://www.state.gov/briefing', 'https://www.state.gov/briefing'],
    ['  http://example.org/a b  ', 'http://example.org/a%20b'],
    ['HTTPS://Example.org/Path?q=1#frag', 'https://example.org/Path?q=1#frag'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_%28bar%29'],
    ['https://example.org/a)[x](javascript:alert(1)', 'https://example.org/a%29[x]%28javascript:alert%281%29'],
    ['https://example.org/"><script>', 'https://example.org/%22%3E%3Cscript%3E'],
  ])('keeps the web address %j as %j', (given, kept) => {
    expect(keepWebAddress(given)).toBe(kept);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    'not a url',
    '',
  ])('drops %j', (given) => {
    expect(keepWebAddress(given)).toBeUndefined();
  });

  it('has nothing to keep when nothing is declared', () => {
    expect(keepWebAddress(undefined)).toBeUndefined();
  });
});
