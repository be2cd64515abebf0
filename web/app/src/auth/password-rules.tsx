import { PASSWORD_RULES } from './password-policy.ts';

/** The policy as a checklist, updated as the user types; referenced by the field's aria-describedby. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  return (
    <div id={id}>
      <p className="hint">Your password needs:</p>
      <ul>
        {PASSWORD_RULES.map((rule) => {
          const met = rule.test(password);
          return (
            <li key={rule.id} className={met ? undefined : 'hint'}>
              {rule.label}
              <span className="visually-hidden">{met ? ' (met)' : ' (not met yet)'}</span>
              <span aria-hidden="true">{met ? ' ✓' : ''}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
