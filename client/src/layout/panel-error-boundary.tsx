import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorNotice } from './error-notice.tsx';

interface PanelErrorBoundaryProps {
  /** What the panel shows, for the fallback's title ("results", "document"). */
  panel: string;
  /** When this changes (the user went elsewhere), the panel gets another chance. */
  resetKey: string;
  children: ReactNode;
}

interface PanelErrorBoundaryState {
  error: Error | null;
  resetKey: string;
}

/** Keeps a rendering bug in one panel from blanking the whole page. */
export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, PanelErrorBoundaryState> {
  override state: PanelErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<PanelErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: PanelErrorBoundaryProps,
    state: PanelErrorBoundaryState,
  ): Partial<PanelErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.panel} panel failed to render`, error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorNotice
          title={`The ${this.props.panel} could not be shown.`}
          message={this.state.error.message}
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
