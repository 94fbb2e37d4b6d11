// What a 工作台 page shows instead of its content: sign in, a refusal for a role the page is not for, or its data loading.
import type { ApiError } from '../../api'
import type { StaffGate as Gate } from '../../hooks/useStaffMe'
import { ListState } from '../ListState'
import { Notice } from '../Notice'
import { PageShell } from '../PageShell'
import { StaffSignIn } from '../StaffSignIn'

export interface StaffGateProps {
  gate: Pick<Gate, 'me' | 'allowed' | 'signIn'>
  /** The page's class name (the page shell keeps it while gated). */
  className: string
  /** Why a signed-in staff member with another role cannot use the page. */
  refusal?: string
  /** What the page says to someone without a staff session (a default when left out). */
  signInText?: string
  /** What the page waits for before it can show anything (an item being edited). */
  loading?: { error: ApiError | null; reload: () => unknown }
}

/** Render with `if (!gate.allowed || waiting) return <StaffGate … />` at the top of a staff page. */
export function StaffGate({ gate, className, refusal, signInText, loading }: StaffGateProps) {
  let content
  if (!gate.me) content = <StaffSignIn text={signInText} onSignIn={gate.signIn} />
  else if (!gate.allowed) content = refusal ? <Notice tone="info">{refusal}</Notice> : null
  else if (loading)
    content = <ListState status={loading.error ? 'error' : 'loading'} errorMessage={loading.error?.message} onRetry={() => void loading.reload()} />
  return <PageShell className={className}>{content}</PageShell>
}
