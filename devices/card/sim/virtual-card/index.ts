/**
 * The virtual My Number Card: public entry points for the in-process reader, the vpcd client,
 * tests and the demo.
 */
export { VirtualMyNumberCard, type VirtualCardOptions } from './virtual-my-number-card';
export { loadCardFixture, type LoadedCard, type CardKeyPair } from './load-card';
export { listCardFixtures, loadResidents, readCardFixture, fixturesRoot, CardFixtureError, type CardFixture, type Resident } from './card-fixture';
export { CardStateRegistry, defaultCardStateRegistry, type CardRuntimeState, type CredentialId, type CredentialState } from './card-state-registry';
export { AIDS, type ApplicationId } from './card-applications';
export { myNumberCheckDigit, isValidMyNumber } from './my-number-check-digit';
export { collationNumberB, eraYymmdd, toEraDate } from './japanese-era';
export { basic4Name } from './basic-four';
