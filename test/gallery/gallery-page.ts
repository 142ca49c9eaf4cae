/**
 * The gallery page's entry: installs the gallery bridge where the Electron preload puts the real
 * one, then boots the kiosk's own renderer (renderer/main.tsx) on it. Built by build-gallery.ts.
 */
import { BRIDGE_GLOBAL } from '../../contract/bridge-api';
import { createGalleryBridge, GALLERY_GLOBAL } from './gallery-bridge';
import { IDLE_SCENE } from './idle-scene';

const { bridge, control } = createGalleryBridge(IDLE_SCENE);
const page = window as unknown as Record<string, unknown>;
page[BRIDGE_GLOBAL] = bridge;
page[GALLERY_GLOBAL] = control;
// After the bridge is in place: the renderer's entry connects to it as it loads.
void import('../../renderer/main');
