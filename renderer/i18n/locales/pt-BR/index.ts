/** The pt-BR resources, by namespace. */
export { default as common } from './common.json';
export { default as certificate } from './certificate.json';
export { default as widgets } from './widgets.json';
export { default as application } from './application.json';
export { default as voice } from './voice.json';
