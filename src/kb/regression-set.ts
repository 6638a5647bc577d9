import { z } from 'zod';
import type { DocumentStore } from '../store/ports';
import { caseId, regressionCaseSchema, type RegressionCase } from './regression';

/**
 * The regression set as editors keep it: the sample set that ships with the KB is the baseline,
 * and cases added or removed in the editor are stored over it (one document per case id in
 * `kb-regression`, a removed sample case as a tombstone), the way article edits are.
 */
const NAMESPACE = 'kb-regression';
const storedSchema = z.union([z.object({ case: regressionCaseSchema, by: z.string(), at: z.number() }), z.object({ deleted: z.literal(true), by: z.string(), at: z.number() })]);

export function regressionSet(docs: DocumentStore, baseline: readonly RegressionCase[]) {
  const sample = new Map(baseline.map((c) => [caseId(c), c]));
  return {
    async list(): Promise<(RegressionCase & { id: string })[]> {
      const cases = new Map(sample);
      for (const { id, value } of await docs.list(NAMESPACE)) {
        const parsed = storedSchema.safeParse(value);
        if (!parsed.success) continue;
        if ('deleted' in parsed.data) cases.delete(id);
        else cases.set(id, parsed.data.case);
      }
      return [...cases].map(([id, c]) => ({ id, ...c }));
    },
    async add(c: RegressionCase, by: string, at: number): Promise<string> {
      const id = caseId(c);
      await docs.put(NAMESPACE, id, { case: c, by, at });
      return id;
    },
    async remove(id: string, by: string, at: number): Promise<void> {
      if (sample.has(id)) await docs.put(NAMESPACE, id, { deleted: true, by, at });
      else await docs.delete(NAMESPACE, id);
    },
  };
}
