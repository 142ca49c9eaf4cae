/** The renderer's entry: connect to the main side, load the strings, draw the kiosk. */
import './styles/app.css';
import './styles/screens.css';
import './styles/certificate.css';
import './styles/widgets.css';
import './styles/application.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { KioskContext } from './app/kiosk-context';
import { initI18n } from './i18n/i18n';
import { connectKioskClient } from './kiosk-client/kiosk-client';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const client = connectKioskClient();
  // The main side may still be starting (or the bridge reconnecting): keep asking.
  let info;
  for (;;) {
    try {
      info = await client.call('kiosk.getInfo', {});
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  await initI18n(info.defaultLanguage);
  root.render(
    <StrictMode>
      <KioskContext.Provider value={{ client, info }}>
        <App />
      </KioskContext.Provider>
    </StrictMode>,
  );
}

void boot();
