/** Each certificate type's name as the ward prints it (verification tool, receipts). */
import type { CertificateType } from '../../contract/ward-api';

export const CERTIFICATE_NAMES_JA: Readonly<Record<CertificateType, string>> = {
  juminhyo: '住民票の写し',
  inkan: '印鑑登録証明書',
  'koseki-zenbu': '戸籍全部事項証明書',
  'koseki-kojin': '戸籍個人事項証明書',
  fuhyo: '戸籍の附票の写し',
  kazei: '所得・課税証明書',
};
