import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { answerTotp, login } from '../api/auth.ts';
import { saveSession, sessionFromToken } from '../api/session.ts';
import { useSession } from '../api/use-session.ts';
import { ProblemMessage } from '../components/status.tsx';

/**
 * Sign in with an account (email, password, then the authenticator's code when the account has
 * 2FA), or paste a token: `qm token --role admin --sub admin-1`, or one from an outside identity
 * provider the APIs are configured to trust.
 */
export function SignInPage() {
  const { session } = useSession();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to="/" replace />;

  const run = (work: () => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const field = (form: EventTarget, name: string) =>
    ((form as HTMLFormElement).elements.namedItem(name) as HTMLInputElement).value;

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Quartermaster</h1>
      <ProblemMessage error={problem} />
      {challenge ? (
        <form
          aria-label="Second factor"
          onSubmit={(event) =>
            void run(() => answerTotp(challenge, field(event.currentTarget, 'code')))(event)
          }
        >
          <label>
            Code from your authenticator app
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              pattern="[0-9]{6,8}"
            />
          </label>
          <button type="submit" disabled={busy}>
            Verify
          </button>
        </form>
      ) : (
        <form
          aria-label="Account"
          onSubmit={(event) => {
            const form = event.currentTarget;
            void run(async () => {
              const result = await login(field(form, 'email'), field(form, 'password'));
              if (result.kind === 'totp') setChallenge(result.challengeToken);
            })(event);
          }}
        >
          <label>
            Email
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" disabled={busy}>
            Sign in
          </button>
        </form>
      )}
      <form
        aria-label="Token"
        onSubmit={(event) => {
          const form = event.currentTarget;
          void run(() => {
            const pasted = sessionFromToken(field(form, 'token'));
            if (!pasted)
              throw new Error(
                'That is not a current token: it must be a JWT with sub, role and a future exp.',
              );
            saveSession(pasted);
            return Promise.resolve();
          })(event);
        }}
      >
        <label>
          Or paste a token (<code>qm token --role admin --sub admin-1</code>, or your identity
          provider&apos;s)
          <textarea name="token" rows={3} required spellCheck={false} />
        </label>
        <button type="submit" disabled={busy}>
          Use token
        </button>
      </form>
    </main>
  );
}
