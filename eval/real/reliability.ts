// Confidence against accuracy: how often suggestions at each confidence were right, the expected
// calibration error (the count-weighted gap between mean confidence and accuracy over the bins), and
// the precision of "accept all at or above" a threshold.

/** One suggestion with its confidence and whether the gold agreed with it. */
export interface Judged {
  confidence: number;
  right: boolean;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number | null;
  accuracy: number | null;
}

export interface Reliability {
  bins: ReliabilityBin[];
  ece: number | null;
  count: number;
}

/** Ten equal bins over [0, 1]; the last includes 1. */
export function reliabilityOf(items: readonly Judged[], binCount = 10): Reliability {
  const bins: ReliabilityBin[] = [];
  let gap = 0;
  for (let index = 0; index < binCount; index += 1) {
    const from = index / binCount;
    const to = (index + 1) / binCount;
    const inBin = items.filter(
      (item) => item.confidence >= from && (item.confidence < to || (index === binCount - 1 && item.confidence <= 1)),
    );
    const meanConfidence = inBin.length ? inBin.reduce((sum, item) => sum + item.confidence, 0) / inBin.length : null;
    const accuracy = inBin.length ? inBin.filter((item) => item.right).length / inBin.length : null;
    if (meanConfidence !== null && accuracy !== null) gap += inBin.length * Math.abs(meanConfidence - accuracy);
    bins.push({ from, to, count: inBin.length, meanConfidence, accuracy });
  }
  return { bins, ece: items.length ? gap / items.length : null, count: items.length };
}

/** Precision of accepting every suggestion at or above `threshold`, and how many that is. */
export function precisionAtOrAbove(items: readonly Judged[], threshold: number): { precision: number | null; count: number } {
  const taken = items.filter((item) => item.confidence >= threshold);
  return { precision: taken.length ? taken.filter((item) => item.right).length / taken.length : null, count: taken.length };
}
