import { RuntimeConfigError } from '../web-errors.ts';

/** Shown instead of the app when `/config.json` cannot be used: nothing else would work anyway. */
export function ConfigErrorPage({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : 'The app could not start.';
  const problems = error instanceof RuntimeConfigError ? error.problems : [];
  return (
    <main className="narrow">
      <h1>This app is not configured</h1>
      <div role="alert">
        <p>{message}</p>
        {problems.length > 0 ? (
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p>
        The deployment writes <code>/config.json</code> next to the app. If you run the app yourself, see its
        README for the file's fields.
      </p>
    </main>
  );
}
