/** The API's channel names, kept free of validators so the preload script can check names cheaply. */
export const CHANNEL_NAMES = [
  'library.list',
  'library.get',
  'library.importText',
  'annotations.apply',
  'settings.get',
  'settings.set',
  'tagset.get',
  'tagset.set',
  'export.render',
  'document.versions',
  'document.restore',
  'review.import',
  'review.list',
  'review.get',
  'review.decide',
  'review.undo',
  'review.redo',
  'review.remove',
  'review.agreement',
  'review.exportAgreement',
  'library.importFile',
  'library.importUrl',
  'library.importPaste',
  'library.importBatch',
  'library.search',
  'library.updateMeta',
  'library.trash',
  'library.trashList',
  'library.untrash',
  'library.emptyTrash',
  'suggest.run',
  'suggest.reject',
] as const;

export type Channel = (typeof CHANNEL_NAMES)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name);
}
