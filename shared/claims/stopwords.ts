// English function words dropped from claims. Negations are not among them: "is not true" and "is true" differ.

export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'without']);

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else so than that this these those there here of in on at to from by for with about as into onto ' +
    'over under up down out off again further once is are was were be been being am do does did doing done have has had having ' +
    'will would shall should can could may might must i me my mine we us our ours you your yours he him his she her hers it its ' +
    'they them their theirs what which who whom whose when where why how all any both each few more most other some such only own ' +
    'same too very just also s t d ll m re ve y via per amp rt just now says said say according reportedly allegedly'
  ).split(' '),
);
