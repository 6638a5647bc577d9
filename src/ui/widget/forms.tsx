/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { format } from '../shared/i18n';
import type { Controller } from './controller';
import type { StringKey } from './strings';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;

/** The contact form shown when nobody is online: errors beside their fields, then a confirmation. */
export function ContactForm({ ctl, t }: { ctl: Controller; t: T }) {
  const state = ctl.contact.value;
  const [email, setEmail] = useState(ctl.identityEmail() ?? '');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (state.kind === 'done') {
    return (
      <p class="notice done" role="status">
        {t('contactDone', { contact: state.contact })}
      </p>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim() && !phone.trim()) found.email = t('contactNeedOne');
    if (email.trim() && !EMAIL.test(email.trim())) found.email = t('emailInvalid');
    if (phone.trim() && !PHONE.test(phone.trim())) found.phone = t('phoneInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const refused = await ctl.leaveContact({
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(note.trim() ? { message: note.trim() } : {}),
    });
    setBusy(false);
    // The server's own refusal, told in the visitor's words beside the field it names.
    if (refused) setErrors(Object.fromEntries(Object.keys(refused).map((field) => [field, field === 'phone' ? t('phoneInvalid') : t('emailInvalid')])));
  };

  return (
    <form class="card contact" onSubmit={submit} noValidate aria-labelledby="sc-contact-title">
      <h3 id="sc-contact-title">{t('contactTitle')}</h3>
      <Field id="sc-email" label={t('email')} error={errors.email}>
        <input id="sc-email" type="email" autocomplete="email" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} aria-invalid={!!errors.email} aria-describedby={errors.email ? 'sc-email-error' : undefined} />
      </Field>
      <Field id="sc-phone" label={t('phone')} error={errors.phone}>
        <input id="sc-phone" type="tel" autocomplete="tel" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value)} aria-invalid={!!errors.phone} aria-describedby={errors.phone ? 'sc-phone-error' : undefined} />
      </Field>
      <Field id="sc-note" label={t('note')}>
        <textarea id="sc-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </Field>
      <button type="submit" class="primary" disabled={busy}>
        {t('contactSend')}
      </button>
    </form>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** After resolution: 1–5 and an optional comment, sent once. */
export function RatingForm({ ctl, t }: { ctl: Controller; t: T }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (ctl.rated.value) {
    return (
      <p class="notice done" role="status">
        {t('ratingDone')}
      </p>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (score < 1) return setError(t('ratingPick'));
    setError(undefined);
    await ctl.rate(score, comment.trim() || undefined);
  };
  return (
    <form class="card rating" onSubmit={submit}>
      <p class="hint">{t('resolved')}</p>
      <fieldset>
        <legend>{t('ratingTitle')}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class={n <= score ? 'star on' : 'star'}>
              <input type="radio" name="sc-score" value={n} checked={score === n} onChange={() => setScore(n)} aria-label={format(t('ratingStar', { n }))} />
              <span aria-hidden="true">★</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && <p class="field-error">{error}</p>}
      <div class="field">
        <label for="sc-comment">{t('ratingComment')}</label>
        <textarea id="sc-comment" rows={2} maxLength={2000} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
      </div>
      <button type="submit" class="primary">
        {t('ratingSend')}
      </button>
      <button type="button" class="link-button" onClick={() => void ctl.restart()}>
        {t('newConversation')}
      </button>
    </form>
  );
}
