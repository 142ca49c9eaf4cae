/**
 * The data the applications journey runs on: form templates + the guide, loaded and
 * cross-checked once from a content folder (they never change at run time).
 */
import { join } from 'node:path';
import { formRegistry, loadFormTemplates, type FormRegistry } from './form-templates';
import { loadGuide, type GuideData } from './guide-data';
import { buildGuideIndex, type GuideIndex } from './guide-search';

export interface ApplicationsCatalog {
  readonly forms: FormRegistry;
  readonly guide: GuideData;
  readonly index: GuideIndex;
}

export function buildCatalog(forms: FormRegistry, guide: GuideData): ApplicationsCatalog {
  return { forms, guide, index: buildGuideIndex(guide) };
}

/** The catalog of `<contentDir>/forms/` and `<contentDir>/guide/`; throws FormTemplateError/GuideDataError if broken. */
export function loadCatalog(contentDir: string): ApplicationsCatalog {
  const forms = loadFormTemplates(join(contentDir, 'forms'));
  return buildCatalog(forms, loadGuide(new Set(forms.templates.keys()), join(contentDir, 'guide')));
}

let cached: ApplicationsCatalog | null = null;
/** The demo content's catalog, loaded on first use; throws FormTemplateError/GuideDataError if broken. */
export function defaultCatalog(): ApplicationsCatalog {
  if (!cached) {
    const forms = formRegistry();
    cached = buildCatalog(forms, loadGuide(new Set(forms.templates.keys())));
  }
  return cached;
}
