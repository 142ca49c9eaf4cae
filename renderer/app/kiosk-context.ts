/** React access to the kiosk client and the facts fetched at start. */
import { createContext, useContext } from 'react';
import type { KioskInfo } from '../../contract/kiosk-api';
import type { KioskClient } from '../kiosk-client/kiosk-client';

export type KioskContextValue = { client: KioskClient; info: KioskInfo };

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside KioskContext');
  return value;
}
