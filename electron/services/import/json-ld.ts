/** JSON-LD as pages write it: one object, an array, a `@graph`, nodes referring to each other by `@id`. */

/** The article types of schema.org whose JSON-LD describes a news page's article. */
const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'Article',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'BlogPosting',
  'SocialMediaPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
  'LiveBlogPosting',
]);

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === 'string');
}

/** Every object of a JSON-LD value, through arrays, `@graph` and nested objects. */
function jsonLdNodes(value: Json): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isObject(value)) return [];
  const graph = value['@graph'];
  return [value, ...(graph === undefined ? [] : jsonLdNodes(graph))];
}

/** The JSON-LD of a page: its first article node, and every top-level node (for `@id` references and breadcrumbs). */
export interface PageJsonLd {
  article: JsonObject | undefined;
  nodes: JsonObject[];
}

/** Reads every JSON-LD script of a page; scripts that do not parse are passed over. */
export function readJsonLd(document: Document): PageJsonLd {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      nodes.push(...jsonLdNodes(JSON.parse(script.textContent ?? '') as Json));
    } catch {
      // A page's broken JSON-LD is its own affair; the other sources still count.
    }
  }
  return { article: nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.has(type))), nodes };
}

/** A node itself, or the node its `@id` reference points to. */
export function resolved(value: Json | undefined, nodes: readonly JsonObject[]): Json | undefined {
  if (!isObject(value) || typeof value['@id'] !== 'string' || value['name'] !== undefined) return value;
  return nodes.find((node) => node !== value && node['@id'] === value['@id']) ?? value;
}

/** The text of a string value, trimmed, or undefined. */
export function textOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The strings of a value that may be one string or an array of them. */
export function textsOf(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  const text = textOf(value);
  return text ? [text] : [];
}

/** The names of the page's JSON-LD breadcrumbs (`BreadcrumbList` items). */
export function breadcrumbNames(jsonLd: PageJsonLd): string[] {
  return jsonLd.nodes
    .filter((node) => typesOf(node).includes('BreadcrumbList'))
    .flatMap((node) => (Array.isArray(node['itemListElement']) ? node['itemListElement'] : []))
    .flatMap((item) => {
      if (!isObject(item)) return [];
      const inner = item['item'];
      return textsOf(item['name'] ?? (isObject(inner) ? inner['name'] : undefined));
    });
}
