interface ErrorNoticeProps {
  title: string;
  message: string;
  onRetry?: () => void;
  isRetrying?: boolean;
}

/** A failure the user can read and, when it may be passing, retry. */
export function ErrorNotice({ title, message, onRetry, isRetrying = false }: ErrorNoticeProps) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </div>
  );
}
