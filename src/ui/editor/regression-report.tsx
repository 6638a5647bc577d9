/** @jsxImportSource preact */
import type { RegressionDiff } from './api';
import type { T } from './app';

type Pair = RegressionDiff['newlyWrong'][number];

/** What a change does to the regression set; a breaking one offers "save anyway" or "undo". */
export function RegressionReport({ t, diff, onConfirm, onUndo }: { t: T; diff: RegressionDiff; onConfirm?: () => void; onUndo: () => void }) {
  const line = (p: Pair) => (
    <li>
      {t('caseLine', { text: p.after.text, expect: p.after.expect, got: p.after.got ?? t('none'), c: `${p.before.confidence.toFixed(2)} → ${p.after.confidence.toFixed(2)}` })}
    </li>
  );
  const group = (title: string, pairs: Pair[], cls: string) =>
    pairs.length > 0 && (
      <div class={cls}>
        <h4>{title}</h4>
        <ul>{pairs.map(line)}</ul>
      </div>
    );
  return (
    <section class="regression" aria-label={t('regression')}>
      <h3>{t('regression')}</h3>
      <p>{t('regressionOk', { right: diff.rightBefore, after: diff.rightAfter, total: diff.total })}</p>
      {group(t('newlyWrong'), diff.newlyWrong, 'wrong')}
      {group(t('newlyRight'), diff.newlyRight, 'right')}
      {group(t('moved'), diff.moved, 'moved')}
      {onConfirm && (
        <div class="actions">
          <button type="button" class="danger" onClick={onConfirm}>
            {t('saveAnyway')}
          </button>
          <button type="button" onClick={onUndo}>
            {t('undo')}
          </button>
        </div>
      )}
    </section>
  );
}
