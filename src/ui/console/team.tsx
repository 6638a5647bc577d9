/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { format } from '../shared/i18n';
import type { StaffUser } from './api';
import type { T } from './app';
import type { Console } from './controller';

/** The admin's team page: accounts, their departments and capacity, disable, reset a password. */
export function TeamPage({ ctl, t }: { ctl: Console; t: T }) {
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [note, setNote] = useState('');
  const reload = async () => {
    try {
      setUsers((await ctl.api.users()).users);
    } catch (error) {
      setNote(ctl.failed(error));
    }
  };
  useEffect(() => void reload(), []);
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setNote(done);
      await reload();
      return true;
    } catch (error) {
      setNote(ctl.failed(error));
      return false;
    }
  };
  return (
    <section class="team" aria-labelledby="team-title">
      <h2 id="team-title">{t('teamTitle')}</h2>
      {note && <p role="status">{note}</p>}
      <CreateForm t={t} onCreate={(body) => run(() => ctl.api.createUser(body), format(t('created'), { email: body.email }))} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('departments')}</th>
            <th scope="col">{t('capacity')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} u={u} t={t} onChange={(body) => run(() => ctl.api.updateUser(u.id, body), t('saved'))} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

type UserChange = Parameters<Console['api']['updateUser']>[1];
const splitList = (s: string) => s.split(',').map((d) => d.trim()).filter(Boolean);

function UserRow({ u, t, onChange }: { u: StaffUser; t: T; onChange: (b: UserChange) => Promise<boolean> }) {
  const [departments, setDepartments] = useState(u.departments.join(', '));
  const [capacity, setCapacity] = useState(String(u.capacity));
  const [password, setPassword] = useState('');
  return (
    <tr class={u.disabled ? 'disabled' : ''}>
      <td>
        {u.email} {u.disabled && <span class="badge">{t('disabled')}</span>}
      </td>
      <td>{u.name ?? ''}</td>
      <td>{u.role}</td>
      <td>
        <input aria-label={`${t('departments')}: ${u.email}`} value={departments} onInput={(e) => setDepartments((e.target as HTMLInputElement).value)} />
      </td>
      <td>
        <input aria-label={`${t('capacity')}: ${u.email}`} type="number" min={1} max={50} value={capacity} onInput={(e) => setCapacity((e.target as HTMLInputElement).value)} />
      </td>
      <td class="row-actions">
        <button type="button" onClick={() => void onChange({ departments: splitList(departments), capacity: Number(capacity) })}>{t('save')}</button>
        <button type="button" onClick={() => void onChange({ disabled: !u.disabled })}>{u.disabled ? t('enable') : t('disable')}</button>
        <input aria-label={format(t('newPassword'), { email: u.email })} type="password" autocomplete="new-password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        <button type="button" disabled={password.length < 8} onClick={() => void onChange({ password }).then((ok) => ok && setPassword(''))}>{t('resetPassword')}</button>
      </td>
    </tr>
  );
}

function CreateForm({ t, onCreate }: { t: T; onCreate: (b: Parameters<Console['api']['createUser']>[0]) => Promise<boolean> }) {
  const [f, setF] = useState({ email: '', name: '', password: '', role: 'operator', departments: '', capacity: '3' });
  const field = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await onCreate({
      email: f.email.trim(),
      password: f.password,
      role: f.role as 'operator' | 'editor' | 'admin',
      ...(f.name.trim() ? { name: f.name.trim() } : {}),
      departments: splitList(f.departments),
      capacity: Number(f.capacity) || 3,
    });
    if (ok) setF({ ...f, email: '', name: '', password: '' });
  };
  return (
    <form class="create" onSubmit={submit}>
      <label>{t('email')}<input type="email" required value={f.email} onInput={field('email')} /></label>
      <label>{t('name')}<input value={f.name} onInput={field('name')} /></label>
      <label>{t('password')}<input type="password" autocomplete="new-password" required minLength={8} value={f.password} onInput={field('password')} /></label>
      <label>
        {t('role')}
        <select value={f.role} onChange={field('role')}>
          <option value="operator">operator</option>
          <option value="editor">editor</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <label>{t('departments')}<input value={f.departments} onInput={field('departments')} /></label>
      <label>{t('capacity')}<input type="number" min={1} max={50} value={f.capacity} onInput={field('capacity')} /></label>
      <button type="submit" class="primary">{t('create')}</button>
    </form>
  );
}
