// Reads brat standoff annotation (`.ann` beside its `.txt`), the format PolNeAR is published in:
// text-bound annotations `T1<TAB>Type start end[;start end…]<TAB>words` and events
// `E1<TAB>Type:T4 Role:T3 …`. Only what attribution needs is kept; other lines are ignored.

export interface Fragment {
  start: number;
  end: number;
}

export interface TextBound {
  id: string;
  type: string;
  /** One or more fragments (brat's discontinuous spans), in text order. */
  fragments: Fragment[];
  words: string;
}

export interface BratEvent {
  id: string;
  type: string;
  trigger: string;
  /** Role name (e.g. `Source`, `Cue`, `Content`) to the id of its text-bound annotation. */
  roles: Map<string, string>;
}

export interface BratDocument {
  textBounds: Map<string, TextBound>;
  events: BratEvent[];
}

function parseFragments(spec: string, line: number): Fragment[] {
  return spec.split(';').map((pair) => {
    const [start, end] = pair.trim().split(/\s+/u).map(Number);
    if (start === undefined || end === undefined || !Number.isInteger(start) || !Number.isInteger(end) || end < start)
      throw new Error(`brat line ${line}: bad span “${pair}”`);
    return { start, end };
  });
}

export function parseBrat(ann: string): BratDocument {
  const textBounds = new Map<string, TextBound>();
  const events: BratEvent[] = [];
  ann.split(/\r?\n/u).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const [id = '', spec = '', words = ''] = raw.split('\t');
    if (id.startsWith('T')) {
      const space = spec.indexOf(' ');
      if (space < 0) throw new Error(`brat line ${line}: no span in “${raw}”`);
      textBounds.set(id, { id, type: spec.slice(0, space), fragments: parseFragments(spec.slice(space + 1), line), words });
    } else if (id.startsWith('E')) {
      const [head = '', ...args] = spec.trim().split(/\s+/u);
      const [type = '', trigger = ''] = head.split(':');
      const roles = new Map<string, string>();
      for (const arg of args) {
        const [role, target] = arg.split(':');
        if (role && target) roles.set(role, target);
      }
      events.push({ id, type, trigger, roles });
    }
  });
  return { textBounds, events };
}

/** An attribution relation as PolNeAR marks it: who (may be absent), the cue, and what was attributed. */
export interface Attribution {
  source: TextBound | null;
  cue: TextBound | null;
  content: TextBound;
}

/** The attributions of a brat document: its `Attribution` and `Attribution-no-source` events that have a content. */
export function attributionsOf(doc: BratDocument): Attribution[] {
  const found: Attribution[] = [];
  for (const event of doc.events) {
    if (!event.type.startsWith('Attribution')) continue;
    const get = (role: string) => {
      const id = event.roles.get(role);
      return id ? (doc.textBounds.get(id) ?? null) : null;
    };
    const content = get('Content');
    if (content) found.push({ source: get('Source'), cue: get('Cue'), content });
  }
  return found;
}
