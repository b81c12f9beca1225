import { Component, type ErrorInfo, type ReactNode } from 'react';

import { ErrorFallback } from './error-fallback';

type ErrorBoundaryProps = {
  children: ReactNode;
  /** Rendered instead of the default fallback. */
  fallback?: (props: { error: unknown; reset: () => void }) => ReactNode;
};

type ErrorBoundaryState = { error: unknown; hasError: boolean };

/** Last line of defence for errors outside the router (providers, the shell itself). */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, hasError: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Unhandled rendering error', error, info.componentStack);
  }

  reset = (): void => {
    this.setState({ error: undefined, hasError: false });
  };

  render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    if (this.props.fallback) return this.props.fallback({ error: this.state.error, reset: this.reset });
    return <ErrorFallback error={this.state.error} onReset={this.reset} />;
  }
}
