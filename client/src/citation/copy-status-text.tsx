import { useCopyStatus } from './copy-status.ts';

/** "Copied", or why copying failed, announced politely next to the control that copied. */
export function CopyStatusText({ target }: { target: string }) {
  const status = useCopyStatus(target);
  return (
    <span role="status" className={status?.kind === 'failed' ? 'copy-status copy-status-error' : 'copy-status'}>
      {status?.kind === 'copied' && status.label}
      {status?.kind === 'failed' && status.message}
    </span>
  );
}
