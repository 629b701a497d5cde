import { NodeType, type HTMLElement, type Node } from 'node-html-parser';

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
/** Table cells sit side by side: a space between them, not a paragraph break. */
const CELLS = new Set(['TD', 'TH']);
/** Collapsible white space, as a browser collapses it. Non-breaking spaces are content and stay. */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

export interface HtmlTextOptions {
  /**
   * Collapse runs of white space as a browser does. Default true; off for HTML made from a Word
   * file, whose spaces are the author's (two after a speaker label) and not source formatting.
   */
  collapseSpaces: boolean;
}

/**
 * The text a reader sees in an element, laid out as Passim expects plain text: one paragraph per
 * block element, separated by blank lines; `<br>` as a line break; runs of white space collapsed as
 * a browser would; entities decoded. Remove the elements to leave out before calling.
 */
export function htmlToText(root: HTMLElement, options: Partial<HtmlTextOptions> = {}): string {
  const collapse = options.collapseSpaces ?? true;
  const paragraphs: string[] = [];
  let current = '';
  const endParagraph = () => {
    const lines = current.split('\n').map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''));
    const text = lines.join('\n').replace(/^\n+|\n+$/g, '');
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      current += collapse ? node.text.replace(COLLAPSIBLE, ' ') : node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const tag = (node as HTMLElement).tagName;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    if (tag === 'PRE') {
      endParagraph();
      current = node.text.replace(/\r\n?/g, '\n');
      endParagraph();
      return;
    }
    const isBlock = BLOCKS.has(tag);
    if (isBlock) endParagraph();
    if (CELLS.has(tag) && current !== '' && !current.endsWith(' ')) current += ' ';
    for (const child of node.childNodes) visit(child);
    if (isBlock) endParagraph();
  };
  visit(root);
  endParagraph();
  return paragraphs.join('\n\n');
}
