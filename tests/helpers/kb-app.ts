import { readKbDir } from '../../scripts/lib/read-kb-dir';
import { withKnowledgeBase, type BuildOptions } from '../../src/build-deps';
import { createApp } from '../../src/app';
import { makeTestApp } from './app';

let files: Awaited<ReturnType<typeof readKbDir>> | undefined;

/** An app with the sample knowledge base and the real knowledge-base bot. */
export async function makeKbApp(vars: Record<string, string> = {}, opts: BuildOptions = {}) {
  files ??= await readKbDir('knowledge-base');
  const base = makeTestApp(vars, opts);
  const deps = await withKnowledgeBase(base.deps, files);
  return { app: createApp(deps), deps };
}
