/** The vpcd attachment: any ApduCard into the real pcscd. */
export { attachToVpcd, VpcdAttachError, VPCD_DEFAULT_PORT, type VpcdAttachment, type VpcdCloseReason, type VpcdOptions } from './attach-to-vpcd';
export { frame, VpcdDecoder, VPCD_CONTROL, type VpcdMessage } from './vpcd-framing';
