import { ScholiaError } from '../../../shared/contract/errors.ts';
import { articleAppearance, type Appearance, type ClaimAppearances } from '../../../shared/export/claim-review.ts';
import type { ScholiaDocument } from '../../../shared/model/document.ts';
import type { ClaimsService } from '../claims/claims-service.ts';
import type { DocumentsService } from '../library/documents-service.ts';

/**
 * Where each claim of a document appeared elsewhere in the library, for ClaimReview: the other
 * articles of the tracked claim it belongs to (`claims.of`), each read once for its headline,
 * address, date, byline and source. A claim the tracker does not know yet has none.
 */
export async function trackedAppearances(
  document: ScholiaDocument,
  claims: ClaimsService,
  documents: DocumentsService,
): Promise<ClaimAppearances> {
  const articles = new Map<string, Promise<Appearance | undefined>>();
  const articleOf = (id: string) => {
    let article = articles.get(id);
    if (!article) {
      article = documents.get(id).then(
        ({ document: other }) => articleAppearance(other),
        () => undefined,
      );
      articles.set(id, article);
    }
    return article;
  };
  const found = new Map<string, Appearance[]>();
  for (const annotation of document.annotations) {
    if (annotation.kind !== 'claim') continue;
    const tracked = await claims.of({ documentId: document.id, annotationId: annotation.id }).catch((error: unknown) => {
      if (error instanceof ScholiaError && error.code === 'not-found') return undefined;
      throw error;
    });
    const others = new Set(
      (tracked?.tracked?.appearances ?? []).map((appearance) => appearance.documentId).filter((id) => id !== document.id),
    );
    if (others.size === 0) continue;
    const appearances = await Promise.all([...others].map(articleOf));
    found.set(
      annotation.id,
      appearances.filter((appearance): appearance is Appearance => appearance !== undefined),
    );
  }
  return found;
}
