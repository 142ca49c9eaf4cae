/**
 * 券面事項入力補助AP (text AP) operations over an ApduChannel: PIN status, and reading My Number,
 * the basic 4 and the integrity record after the 4-digit PIN, with the hashes checked.
 */
import type { ApduChannel } from '../apdu/apdu-channel';
import { readBinary, selectAid, selectEf } from '../apdu/command-apdu';
import { readTlvFile } from '../apdu/read-binary-file';
import { decodeBasicInfoFile, type BasicInfo } from './basic-info-file';
import { MAX_RECORD_FILE_LENGTH, MY_NUMBER_FILE_LENGTH, TEXT_AP_AID, TextEf } from './card-constants';
import { checkIntegrity, decodeIntegrityFile } from './integrity-file';
import { decodeMyNumberFile } from './my-number-file';
import { assertSecretFormat, type SecretInput } from './pin-policy';
import { readPinStatus, verifyPin, type PinStatus, type VerifyOptions } from './pin-verification';

/** What the text AP gives after the PIN. Personal data: never log it. */
export interface TextApRecord {
  /** The 12-digit My Number. */
  readonly myNumber: string;
  /** Name, address, birth date, sex. */
  readonly basicInfo: BasicInfo;
  /** Always true when returned: both integrity hashes matched (else `integrity-check-failed`). */
  readonly integrityVerified: true;
}

/** SELECTs the text AP (CardError `not-my-number-card` if absent). */
export async function selectTextAp(ch: ApduChannel): Promise<void> {
  await ch.sendOk(selectAid(TEXT_AP_AID), 'select-aid');
}

/** Remaining tries of the text-AP PIN, using none. */
export async function textApPinStatus(ch: ApduChannel): Promise<PinStatus> {
  await selectTextAp(ch);
  return readPinStatus(ch, 'text-pin', TextEf.PIN);
}

/** VERIFYs the PIN and reads My Number, the basic 4 and the integrity record. */
export async function readTextAp(ch: ApduChannel, pin: SecretInput, opts: VerifyOptions = {}): Promise<TextApRecord> {
  assertSecretFormat('text-pin', pin);
  await selectTextAp(ch);
  await verifyPin(ch, 'text-pin', TextEf.PIN, pin, opts);

  await ch.sendOk(selectEf(TextEf.MY_NUMBER));
  // Fixed size: the integrity hash covers the whole 17-byte EF including its FF filler.
  const myNumberFile = await ch.sendOk(readBinary(0, MY_NUMBER_FILE_LENGTH));
  const myNumber = decodeMyNumberFile(myNumberFile);

  await ch.sendOk(selectEf(TextEf.BASIC_INFO));
  const basic = decodeBasicInfoFile(await readTlvFile(ch, { maxLength: MAX_RECORD_FILE_LENGTH }));

  await ch.sendOk(selectEf(TextEf.INTEGRITY));
  const integrity = decodeIntegrityFile(await readTlvFile(ch, { maxLength: MAX_RECORD_FILE_LENGTH }));
  checkIntegrity(integrity, myNumberFile, basic.hashedRegion);

  return { myNumber, basicInfo: basic.info, integrityVerified: true };
}
