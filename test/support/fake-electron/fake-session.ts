/**
 * `session.defaultSession`'s permission handlers as documented: Electron grants every permission
 * unless a handler says otherwise; the request handler answers through `callback(granted)`, the check
 * handler returns a boolean, the device handler a boolean.
 */
import type { FakeWebContents } from './fake-web-contents';

type RequestHandler = (webContents: FakeWebContents, permission: string, callback: (granted: boolean) => void, details: object) => void;
type CheckHandler = (webContents: FakeWebContents | null, permission: string, requestingOrigin: string, details: object) => boolean;
type DeviceHandler = (details: object) => boolean;

export class FakeSession {
  private requestHandler: RequestHandler | null = null;
  private checkHandler: CheckHandler | null = null;
  private deviceHandler: DeviceHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler | null): void {
    this.deviceHandler = handler;
  }

  /** The page asks for a permission (e.g. 'media', 'geolocation'); resolves with the answer. */
  requestPermission(webContents: FakeWebContents, permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(webContents, permission, resolve, { requestingUrl, isMainFrame: true }));
  }
  /** The page checks a permission before asking. */
  checkPermission(webContents: FakeWebContents | null, permission: string, requestingOrigin: string): boolean {
    return this.checkHandler ? this.checkHandler(webContents, permission, requestingOrigin, { isMainFrame: true }) : true;
  }
  /** The page asks for a device (HID, serial, USB). */
  checkDevice(deviceType: string, origin: string): boolean {
    return this.deviceHandler ? this.deviceHandler({ deviceType, origin }) : true;
  }
}
