/** Gives components the app store; `useApp(selector)` reads it narrowly. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../state/create-app-store';

/** The store made in main.tsx. */
export const StoreContext = createContext<AppStore | null>(null);

/** Returns the app store (for actions and `subscribe`). */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreContext.Provider>');
  return store;
}

/** Returns the selected part of the app state, re-rendering only when it changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
