import { Component, type ErrorInfo, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import { toStorageError } from '../storage/storage-error';

interface State {
  message: string | null;
}

/**
 * The last line of defence: a screen that failed to draw says so in words and offers a way
 * back, instead of leaving a blank window. Saved plans are untouched by a drawing failure.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: toStorageError(error, 'show this screen').message };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Screen failed to draw', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return (
      <Container component="main" maxWidth="sm" sx={{ py: 8 }}>
        <Alert severity="error" role="alert">
          <AlertTitle>Something went wrong</AlertTitle>
          {this.state.message}
        </Alert>
        <Stack direction="row" spacing={1.5} sx={{ mt: 3 }}>
          <Button variant="contained" onClick={() => { window.location.hash = '#/'; window.location.reload(); }}>Back to your plans</Button>
          <Button onClick={() => window.location.reload()}>Try again</Button>
        </Stack>
      </Container>
    );
  }
}
