import { describe, expect, it } from 'vitest';
import { stripSiteChrome } from '../../indexer/clean/strip-site-chrome.ts';

const GOV_BANNER = [
  'An official website of the United States Government Here\'s how you know',
  '',
  'Official websites use .gov',
  '',
  'A .gov website belongs to an official government organization in the United States.',
  '',
  'Secure .gov websites use HTTPS',
  '',
  'A lock ( ) or https:// means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites.',
  '',
].join('\n');

describe('stripSiteChrome', () => {
  it('drops the .gov banner and keeps the text after it untouched', () => {
    const body = 'SECRETARY BLINKEN:\u00A0 Thank you so much, and good morning, everyone.';
    expect(stripSiteChrome(`${GOV_BANNER}\n${body}\n`)).toBe(body);
  });

  it('drops "Last updated on" and "News Type" list stubs', () => {
    const raw = 'Sophie Wilmès chairs the meeting\n\n  1. Last updated on\nOn March 30, 2021, the Coalition met.\n\n\n  1. News Type\n';
    expect(stripSiteChrome(raw)).toBe('Sophie Wilmès chairs the meeting\n\nOn March 30, 2021, the Coalition met.');
  });

  it('drops a trailing block of footer links after the last sentence', () => {
    const raw = 'We will meet again.\n\nThank you.\n\n\nU.S. Department of State\n\nThe Lessons of 1989: Freedom and Our Future\n';
    expect(stripSiteChrome(raw)).toBe('We will meet again.\n\nThank you.');
  });

  it('keeps a short closing line when it ends like a sentence', () => {
    expect(stripSiteChrome('First paragraph here.\n\nThe floor is yours.')).toBe('First paragraph here.\n\nThe floor is yours.');
  });

  it('keeps curly quotes, accents and non-breaking spaces as written', () => {
    const raw = 'Alexander De Croo: “Multilateralism is under pressure.”\u00A0 Wilmès said it’s so.';
    expect(stripSiteChrome(raw)).toBe(raw);
  });

  it('unifies Windows line endings and collapses runs of blank lines', () => {
    expect(stripSiteChrome('One.\r\n\r\n\r\n\r\nTwo.\r\n')).toBe('One.\n\nTwo.');
  });
});
