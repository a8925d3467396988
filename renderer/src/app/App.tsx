import { useEffect } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import GlobalStyles from '@mui/material/GlobalStyles';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import { useRoute } from './router';
import { NotificationsProvider } from './notifications';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { PlanScreen } from '../features/plan/PlanScreen';
import { requestPersistentStorage } from '../storage/persistence';
import { planStore } from './store';

/** On paper a plan is a document: no buttons, no floating bars. */
const PRINT_STYLES = {
  '@media print': {
    '.MuiButtonBase-root, .MuiSnackbar-root, .MuiTooltip-popper': { display: 'none !important' },
    '.MuiAppBar-root': { position: 'static !important' },
    body: { backgroundColor: '#fff' },
  },
} as const;

export function App() {
  const route = useRoute();

  useEffect(() => {
    void requestPersistentStorage();
    // Plans deleted more than 30 days ago leave the library for good.
    void planStore.purgeDeleted().catch(() => undefined);
  }, []);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.screen]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <GlobalStyles styles={PRINT_STYLES} />
      <NotificationsProvider>
        <ErrorBoundary key={route.screen === 'plan' ? route.planId : 'library'}>
          {route.screen === 'plan' ? <PlanScreen planId={route.planId} section={route.section} /> : <LibraryScreen />}
        </ErrorBoundary>
      </NotificationsProvider>
    </ThemeProvider>
  );
}
